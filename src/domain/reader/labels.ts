// 表头标签及各地的别名：按标签而不是固定位置找到表格。

import type { ColumnKey, HeaderField, SignoffField } from "../form";
import { normalizeLabel, toHalfWidth } from "../text";

const COLUMN_ALIASES: Readonly<Record<ColumnKey, readonly string[]>> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标", "指标内容", "指标名称", "三级指标名称", "绩效指标名称"],
  // 指标性质 / 指标方向 hold a comparison in some provinces and 正向/反向 in others: roles.ts decides by contents.
  valueType: [
    "指标值类型", "指标性质", "指标类型", "值类型", "指标值性质", "指标方向", "计算符号", "运算符号", "比较符号", "符号",
    "绩效指标性质", "指标方向性",
  ],
  target: [
    "指标值", "年度指标值", "目标值", "指标目标值", "年度目标值", "绩效指标值", "预期指标值", "当年预期实现值", "预期实现值",
    "年度预期值", "指标值（年度）", "本年度指标值", "计划指标值",
  ],
  unit: ["计量单位", "度量单位", "单位", "绩效度量单位", "绩效计量单位"],
  explanation: ["指标解释", "指标说明", "指标定义", "指标解释说明", "绩效标准", "指标内涵"],
  scoringStandard: ["评（扣）分标准", "评分标准", "扣分标准", "评分规则", "评价标准", "评（扣）分规则"],
  remarks: ["备注", "说明"],
  points: ["分值", "权重", "分值（分）", "指标分值", "权重（分）", "分数", "权重（%）", "分值权重", "指标权重"],
};

const HEADER_ALIASES: Readonly<Record<HeaderField, readonly string[]>> = {
  deptName: [
    "部门（单位）名称", "部门名称", "单位名称", "预算单位", "预算部门", "填报单位", "部门（单位）", "预算单位名称",
    "主管部门", "项目主管部门", "业务主管部门", "主管部门及编码", "主管部门及代码", "实施单位", "项目执行单位",
    "项目实施单位", "主管部门（单位）名称", "主管部门（单位）",
  ],
  duties: [
    "部门（单位）职责", "部门职责", "单位职责", "部门（单位）主要职能", "主要职能", "职能职责", "部门（单位）职能",
    "部门职能", "单位职能", "主要职责", "部门主要职责", "单位主要职责",
  ],
  goals: [
    "年度履职目标", "年度绩效目标", "年度目标", "整体绩效目标", "年度总体目标", "总体目标", "部门整体绩效目标",
    "年度总体绩效目标", "年度主要目标和成果", "年度主要任务", "整体支出年度绩效目标", "部门年度绩效目标",
    "年度主要目标", "绩效目标", "年初设定目标", "当年整体绩效目标", "当年绩效目标",
  ],
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

/** A label with a trailing note ("指标值（单位：万元）"): the part before the note must be all label characters. */
function columnKeyOfTail(text: string): ColumnKey | null {
  const bare = normalizeLabel(text).replace(LABEL_TAIL_RE, "");
  return allLabelChars(bare) ? (COLUMN_BY_LABEL.get(bare) ?? null) : null;
}

/** A trailing note on a label that does not change what it names: "（必填）", "(单位：万元)", "（分）". */
const LABEL_TAIL_RE = /[（(][^（）()]{1,8}[）)]$/;

/**
 * Columns of a self-evaluation table (实际完成值, 得分, 偏差原因…): known, but no field of the target table. The reader
 * leaves them to the self-evaluation reader instead of reporting their cells as unplaced.
 */
const OTHER_COLUMNS = new Set(
  [
    "实际完成值", "全年实际值", "实际值", "全年实际完成值", "实际完成情况", "得分", "自评得分", "偏差原因分析及改进措施",
    "未完成原因及拟采取的改进措施", "偏差原因分析", "未完成原因分析", "改进措施",
  ].map(normalizeLabel),
);

export function isOtherColumnLabel(text: string): boolean {
  return text.length <= 16 && OTHER_COLUMNS.has(normalizeLabel(text));
}

/** Every character a column label or its decorations may hold: a text with any other cannot be one. */
const LABEL_CHARS: ReadonlySet<number> = new Set(
  [...Object.values(COLUMN_ALIASES).flat().join(""), ..."（）()*＊:：  \u00a0\u3000必填选择年度%％分"].map((ch) => ch.charCodeAt(0)),
);

/** Whether every character of a text may belong to a label (char codes: no string is made per character). */
function allLabelChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!LABEL_CHARS.has(text.charCodeAt(i))) return false;
  return true;
}

export function columnKeyOf(text: string): ColumnKey | null {
  if (text === "") return null;
  if (!allLabelChars(text)) return /[)）]\s*$/.test(text) ? columnKeyOfTail(text) : null;
  const label = normalizeLabel(text);
  return COLUMN_BY_LABEL.get(label) ?? COLUMN_BY_LABEL.get(label.replace(LABEL_TAIL_RE, "")) ?? null;
}

/**
 * The column a cell of a two-row header names: its own label, else its label read under its parent's ("指标值"
 * over "类型" is 指标值类型), else the parent's (a label merged down both rows keeps its text in the upper cell).
 */
export function columnKeyUnder(upper: string, lower: string): ColumnKey | null {
  return columnKeyOf(lower) ?? columnKeyOf(upper + lower) ?? columnKeyOf(upper);
}

/** A 序号 / 编号 column: its cells number the rows and belong to no field. */
export function isSerialLabel(text: string): boolean {
  return /^(序号|编号|序|行次|No\.?)$/i.test(normalizeLabel(text));
}

/** A cell of a 序号 column: "1", "一", "一、", "(1)", "1." */
export function isSerialValue(text: string): boolean {
  return /^[（(]?([0-9]{1,4}|[一二三四五六七八九十]{1,3})[)）.、．]?$/.test(toHalfWidth(text).replace(/\s/g, ""));
}

/** A totals row's first cell: 合计, 小计, 总分, 分值合计… */
export function isTotalsLabel(text: string): boolean {
  return /^(合计|小计|总计|总分|分值合计|合计分值|得分合计)([（(].{0,4}[)）])?[：:]?$/.test(text.replace(/\s/g, ""));
}

export function headerFieldOf(text: string): HeaderField | null {
  const label = normalizeLabel(text);
  return HEADER_BY_LABEL.get(label) ?? HEADER_BY_LABEL.get(label.replace(LABEL_TAIL_RE, "")) ?? null;
}

/** "部门（单位）名称：某某局" in one cell: the field and the text after the colon. */
export function headerFieldInline(text: string): { field: HeaderField; value: string } | null {
  const m = /^([^：:]{2,14})[：:](.*)/s.exec(text);
  if (!m) return null;
  const field = headerFieldOf(m[1]!);
  return field ? { field, value: m[2]!.trim() } : null;
}

const SIGNOFF_LABEL_LIST: ReadonlyArray<readonly [string, SignoffField]> = (
  Object.entries(SIGNOFF_ALIASES) as Array<[SignoffField, readonly string[]]>
)
  .flatMap(([field, aliases]) => aliases.map((a) => [a, field] as const))
  .sort((a, b) => b[0].length - a[0].length); // longest first: 单位负责人 before 负责人

/** "（签字）", "(盖章)" after a sign-off label: part of the label, not of the value. */
const SIGN_HERE = "(?:\\s*[（(](?:签字|签名|签章|盖章|签字盖章|手签)[）)])?";
const SIGNOFF_RE = new RegExp(`(${SIGNOFF_LABEL_LIST.map(([a]) => a).join("|")})${SIGN_HERE}\\s*[：:]?`, "g");
const SIGNOFF_START_RE = new RegExp(`^(${SIGNOFF_LABEL_LIST.map(([a]) => a).join("|")})${SIGN_HERE}(\\s|[：:]|$)`);
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
  return SIGNOFF_START_RE.test(text.trimStart());
}

/** Filling instructions under a form ("填表说明：", "指标值类型：指标类型为定量…"). */
export function isInstruction(text: string): boolean {
  if (/^(填表说明|说明|注)\s*[：:]/.test(text) || /^填表说明$/.test(text)) return true;
  const m = /^([^：:]{2,10})[：:](.{8,})/s.exec(text);
  return m !== null && columnKeyOf(m[1]!) !== null;
}

const YEAR_LABELS = ["预算年度", "年度", "编制年度", "填报年度", "所属年度", "绩效年度", "申报年度", "预算年份", "年份"];
const YEAR_LABEL_SET = new Set(YEAR_LABELS);
const YEAR_BRACKETS_RE = /^[（(]\s*(.*?)\s*[）)]\s*年度?$/;
/** "2027年度", "(2022年度)", "（2022年度）", "(2021年)", "2019年度)": brackets around the whole, or one of them lost. */
const YEAR_BARE_RE = /^[（(]?\s*(\d{4})\s*年度?\s*[）)]?$/;
const YEAR_INLINE_RE = new RegExp(`^(?:${YEAR_LABELS.join("|")})\\s*[：:]\\s*(.*)$`);

/**
 * A year line — "（ 2027 ）年度", "(2027)年度", "2027年度", "2027 年" — or a year field typed in one cell
 * ("预算年度：2027"): the text that should hold the year (possibly blank or not a year, for year-invalid).
 */
export function yearLineOf(text: string): string | null {
  const t = toHalfWidth(text).trim();
  const m = YEAR_BRACKETS_RE.exec(t) ?? YEAR_BARE_RE.exec(t) ?? YEAR_INLINE_RE.exec(t);
  return m ? m[1]! : null;
}

/** A year label whose value sits in another cell ("预算年度" | 2027). */
export function isYearLabel(text: string): boolean {
  return text.length <= 8 && YEAR_LABEL_SET.has(normalizeLabel(text));
}

/** Labels whose column may hold the comparison or, in some provinces, the direction (正向/反向): decided by contents. */
export const COMPARISON_LIKE_LABELS: ReadonlySet<string> = new Set(COLUMN_ALIASES.valueType.map(normalizeLabel));

/**
 * The period a label is for: "longer" for 中长期 / 中期 / 长期 / 实施期 (a project's whole span, printed beside this
 * year's in wide tables), "annual" for 年度 / 本年, in front or as a bracketed note; null when it names no period.
 */
export function periodOf(text: string): "annual" | "longer" | null {
  const t = normalizeLabel(text);
  if (t.length > 16) return null;
  if (/^(中长期|中期|长期|实施期|项目期|绩效期)/.test(t)) return "longer";
  if (/^(年度|本年度?|当年|\d{4}年度?)(指标|目标)/.test(t)) return "annual";
  // The period as a note after the label: "三级指标(长期)", "指标值（年度）".
  if (/（(中长期|中期|长期|实施期|项目期)）$/.test(t)) return "longer";
  if (/（(年度|本年度?|当年)）$/.test(t)) return "annual";
  return null;
}

/**
 * A level-1 or level-2 cell with its printed weight: "产出指标(50分)", "成本指标（0-20）分", "效益指标 30分" →
 * the name and the weight (the top of a range); null when the text carries no weight.
 */
export function splitLevelWeight(text: string): { name: string; points: number } | null {
  const t = toHalfWidth(text).replace(/\s/g, "");
  const m = /^(.{2,14}?指标)[(（]?(?:权重|分值)?[:：]?(\d+(?:\.\d+)?)(?:[-~—至](\d+(?:\.\d+)?))?(?:分|%)?[)）]?(?:分)?$/.exec(t);
  if (!m) return null;
  if (!/[(（]|分|%/.test(t.slice(m[1]!.length))) return null;
  return { name: m[1]!, points: Number(m[3] ?? m[2]) };
}

/** A column named after a place ("笏石街道办", "永定区"): one region's targets in a 区域绩效目标表. */
export function isRegionLabel(text: string): boolean {
  return /^[\u4e00-\u9fff]{1,12}(?:省|市|区|县|旗|盟|州|镇|乡|街道|街道办|街道办事处|村|社区|苏木|嘎查)$/.test(normalizeLabel(text));
}

/** The parent label over the regions' target columns: "区域目标值", "区域绩效目标". */
export function isRegionParentLabel(text: string): boolean {
  return /^区域(?:绩效)?(?:目标值|指标值|目标)$/.test(normalizeLabel(text));
}

/** Direction words in a 指标性质 / 指标方向 column: 正向 / 反向 (whether more is better), not a comparison. */
export function isDirectionWord(text: string): boolean {
  return /^(正向|反向|中性|逆向)(指标)?$/.test(text.replace(/\s/g, ""));
}

/**
 * A line of a sign-off or approval block: "审核意见", "(盖章)", "年 月 日", "单位负责人（签字）". Never an indicator row.
 */
export function isApprovalLine(text: string): boolean {
  const t = toHalfWidth(text).replace(/\s/g, "");
  // "审核意见" only as a label ("主管部门审核意见："), not inside an indicator's name ("审核意见办理及时率").
  return /[(（](盖章|公章|签字|签章|签名|签字盖章)[)）]|^.{0,10}(审核|审批|初审|复审|审查)意见[:：]?$|^(年月日|\d{4}年月日)$|^(单位|部门)(盖章|公章)/.test(t);
}

/** Column labels of the small tables some header fields are laid out as (年度主要任务, a self-evaluation's goals). */
const SUB_LABELS = new Set(
  ["任务名称", "主要内容", "预算金额", "预算金额（万元）", "金额（万元）", "年度总体目标完成情况综述", "全年实际完成情况", "实际完成情况"].map(
    normalizeLabel,
  ),
);

export function isSubLabel(text: string): boolean {
  return text.length <= 16 && SUB_LABELS.has(normalizeLabel(text));
}
