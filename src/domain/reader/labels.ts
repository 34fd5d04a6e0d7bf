// 表头标签及各地的别名：按标签而不是固定位置找到表格。

import type { ColumnKey, HeaderField, SignoffField } from "../form";
import { normalizeLabel } from "../text";

const COLUMN_ALIASES: Readonly<Record<ColumnKey, readonly string[]>> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标", "指标内容", "指标名称", "三级指标名称", "绩效指标名称"],
  valueType: ["指标值类型", "指标性质", "指标类型", "值类型", "指标值性质"],
  target: ["指标值", "年度指标值", "目标值", "指标目标值", "年度目标值", "绩效指标值", "预期指标值"],
  unit: ["计量单位", "度量单位", "单位"],
  explanation: ["指标解释", "指标说明", "指标定义", "指标解释说明"],
  scoringStandard: ["评（扣）分标准", "评分标准", "扣分标准", "评分规则", "评价标准", "评（扣）分规则"],
  remarks: ["备注", "说明"],
  points: ["分值", "权重", "分值（分）", "指标分值", "权重（分）", "分数", "权重（%）", "分值权重"],
};

const HEADER_ALIASES: Readonly<Record<HeaderField, readonly string[]>> = {
  deptName: ["部门（单位）名称", "部门名称", "单位名称", "预算单位", "预算部门", "填报单位", "部门（单位）"],
  duties: ["部门（单位）职责", "部门职责", "单位职责", "部门（单位）主要职能", "主要职能", "职能职责", "部门（单位）职能"],
  goals: ["年度履职目标", "年度绩效目标", "年度目标", "整体绩效目标", "年度总体目标", "总体目标", "部门整体绩效目标"],
};

/** Sign-off labels, as they appear inside label-value text ("填表人：张三 联系电话：…"). */
export const SIGNOFF_ALIASES: Readonly<Record<SignoffField, readonly string[]>> = {
  businessReview: ["业务股室审核", "业务科室审核", "业务股室审核人"],
  performanceReview: ["绩效股审核", "绩效股室审核", "绩效科审核", "绩效管理股审核"],
  filledBy: ["填表人", "填报人"],
  phone: ["联系电话", "电话"],
  fillDate: ["填表日期", "填报日期"],
  head: ["单位负责人", "部门负责人", "负责人"],
};

function invert<K extends string>(table: Readonly<Record<K, readonly string[]>>): ReadonlyMap<string, K> {
  const m = new Map<string, K>();
  for (const [key, aliases] of Object.entries(table) as Array<[K, readonly string[]]>) {
    for (const a of aliases) m.set(normalizeLabel(a), key);
  }
  return m;
}

const COLUMN_BY_LABEL = invert(COLUMN_ALIASES);
const HEADER_BY_LABEL = invert(HEADER_ALIASES);

export function columnKeyOf(text: string): ColumnKey | null {
  return text === "" ? null : (COLUMN_BY_LABEL.get(normalizeLabel(text)) ?? null);
}

export function headerFieldOf(text: string): HeaderField | null {
  return text === "" ? null : (HEADER_BY_LABEL.get(normalizeLabel(text)) ?? null);
}

/** "部门（单位）名称：某某局" in one cell: the field and the text after the colon. */
export function headerFieldInline(text: string): { field: HeaderField; value: string } | null {
  const m = /^([^：:]{2,14})[：:](.*)$/s.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const field = headerFieldOf(m[1]);
  return field ? { field, value: m[2].trim() } : null;
}

const SIGNOFF_LABEL_LIST: ReadonlyArray<readonly [string, SignoffField]> = (
  Object.entries(SIGNOFF_ALIASES) as Array<[SignoffField, readonly string[]]>
)
  .flatMap(([field, aliases]) => aliases.map((a) => [a, field] as const))
  .sort((a, b) => b[0].length - a[0].length); // longest first: 单位负责人 before 负责人

const SIGNOFF_RE = new RegExp(`(${SIGNOFF_LABEL_LIST.map(([a]) => a).join("|")})\\s*[：:]?`, "g");
const SIGNOFF_FIELD_BY_LABEL = new Map(SIGNOFF_LABEL_LIST);

/** Every sign-off label in a text and the value after it (up to the next label). */
export function signoffPairs(text: string): Array<{ field: SignoffField; value: string }> {
  const hits = [...text.matchAll(SIGNOFF_RE)];
  return hits.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const next = hits[i + 1];
    const end = next ? (next.index ?? text.length) : text.length;
    const field = SIGNOFF_FIELD_BY_LABEL.get(m[1] ?? "") ?? "filledBy";
    return { field, value: text.slice(start, end).replace(/[\s，,；;]+$/, "").trim() };
  });
}

/** A cell that starts the sign-off area: it begins with a sign-off label followed by a colon or nothing. */
export function isSignoffStart(text: string): boolean {
  const t = text.trimStart();
  return SIGNOFF_LABEL_LIST.some(([a]) => t.startsWith(a) && /^[\s：:]|^$/.test(t.slice(a.length, a.length + 1)));
}

/** Filling instructions under a form ("填表说明：", "指标值类型：指标类型为定量…"). */
export function isInstruction(text: string): boolean {
  if (/^(填表说明|说明|注)\s*[：:]/.test(text) || /^填表说明$/.test(text)) return true;
  const m = /^([^：:]{2,10})[：:](.{8,})$/s.exec(text);
  return !!m && m[1] !== undefined && (columnKeyOf(m[1]) !== null || m[1] === "指标名称");
}
