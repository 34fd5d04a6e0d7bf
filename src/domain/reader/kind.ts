// 表格种类：整体支出绩效目标表、项目支出绩效目标表、绩效自评表，或者不是绩效表（按表头判断，见 isFormHeader）。
// 按标题和表头以上的标签判断；
// 种类决定表头应有哪些栏目、指标表格必须有哪些列（项目表没有“部门职责”，各地项目表常只有指标值一列）。

import type { ColumnKey, FormKind, HeaderField, IndicatorField } from "../form";
import { normalizeLabel } from "../text";

/** Columns a header row names, and how many. */
export interface HeaderColumns {
  columns: Partial<Record<ColumnKey, number>>;
  count: number;
}

/** Columns without which a table is not a form at all (a budget table or a letter is not one). */
const REQUIRED_FOR_FORM: readonly ColumnKey[] = ["level3"];

/**
 * Not a form: a header row is a form's when it names at least four columns, 三级指标 among them, and a level
 * column — or, in layouts that list indicators without levels (重庆: 指标名称 | 指标权重 | 计量单位 | 指标性质 |
 * 指标值), both a comparison and a target column. Every other table on a sheet (budget tables, letters) is skipped.
 */
export function isFormHeader({ columns, count }: HeaderColumns): boolean {
  return count >= 4 && REQUIRED_FOR_FORM.every((k) => columns[k] !== undefined) && (columns.level1 !== undefined || columns.level2 !== undefined || (columns.target !== undefined && columns.valueType !== undefined));
}

/** What the reader saw above the grid and in its header. */
export interface KindEvidence {
  title: string;
  /** Short texts of the rows above the grid and of the grid's header (labels, not values). */
  labels: readonly string[];
}

const SELFEVAL_TITLE_RE = /自评/;
const PROJECT_TITLE_RE = /项目(支出)?.{0,4}绩效|项目.{0,6}(申报|审批|目标)表|^项目/;
const SELFEVAL_LABELS = new Set(["实际完成值", "实际值", "全年实际值", "实际完成情况", "全年执行数", "偏差原因分析及改进措施", "得分"]);
const PROJECT_LABELS = new Set(["项目名称", "项目编码", "项目属性", "项目期", "资金情况", "项目资金", "项目资金（万元）", "中期目标", "实施期目标", "实施单位", "项目执行单位"]);

/** The table's kind: 自评 wins over 项目, 项目 over 整体支出 (the default, this product's own form). */
export function formKindOf(evidence: KindEvidence): FormKind {
  const title = evidence.title.replace(/\s/g, "");
  const labels = evidence.labels.map(normalizeLabel);
  if (SELFEVAL_TITLE_RE.test(title) || labels.some((l) => SELFEVAL_LABELS.has(l))) return "selfeval";
  if (/整体/.test(title)) return "department";
  if (PROJECT_TITLE_RE.test(title) || labels.some((l) => PROJECT_LABELS.has(l))) return "project";
  return "department";
}

/** Header fields each kind has: a project table states its unit and goals but no 部门职责. */
export const HEADER_FIELDS_OF_KIND: Readonly<Record<FormKind, readonly HeaderField[]>> = {
  department: ["deptName", "duties", "goals"],
  project: ["deptName", "goals"],
  selfeval: ["deptName"],
};

/**
 * Columns each kind's grid needs. Department tables follow this product's form; project and self-evaluation
 * tables are printed by many provinces with only the indicator names and targets, the rest being optional.
 */
export const NEEDED_COLUMNS_OF_KIND: Readonly<Record<FormKind, readonly IndicatorField[]>> = {
  department: ["level1", "level2", "level3", "valueType", "target", "unit", "explanation", "scoringStandard"],
  project: ["level1", "level2", "level3", "target"],
  selfeval: ["level1", "level2", "level3", "target"],
};

/** Whether a kind has a header field (the header rules ask only for the fields of the table's kind). */
export function kindHasField(kind: FormKind, field: HeaderField): boolean {
  return HEADER_FIELDS_OF_KIND[kind].includes(field);
}
