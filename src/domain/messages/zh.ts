// 检查结果的中文说明，按规则编号组织：说清楚哪里不对、怎么改。

import { selfEvalZh } from "./selfeval-zh";
import { COLUMN_LABELS } from "../layout";
import { LEVEL1_NAMES, LEVEL2_BY_LEVEL1, LEVEL2_NAMES, isLevel1, level1Of } from "../taxonomy";
import { ROWS_NAMED, type FindingMessages } from "./types";

export type { FindingMessages, RowMove, TargetSplitHint } from "./types";

const q = (s: string): string => `“${s}”`;
const level2Choices = (level1: string): string =>
  isLevel1(level1) ? LEVEL2_BY_LEVEL1[level1].join("、") : LEVEL2_NAMES.join("、");
/** "第 8、9 行" — at most a few rows named, so a message stays short on a huge table. */
const rowList = (rows: readonly number[]): string => {
  const shown = rows.slice(0, ROWS_NAMED).join("、");
  return rows.length > ROWS_NAMED ? `第 ${shown} 行等 ${rows.length} 行` : `第 ${shown} 行`;
};

export const zh: FindingMessages = {
  ...selfEvalZh,
  // 表头
  "year-invalid": (d: { text: string; value: number | null }): string =>
    d.value !== null
      ? `年度 ${d.value} 不是有效的预算年度：请填写 2000 至 2100 之间的四位年份，如“（ 2026 ）年度”。`
      : d.text.trim() === ""
        ? "未找到表格年度：请在标题下一行填写四位年份，如“（ 2026 ）年度”。"
        : `年度${q(d.text)}中读不出四位年份：请改为“（ 2026 ）年度”这样的写法。`,
  "dept-name-missing": (): string => "未填写部门（单位）名称：请在“部门（单位）名称”一栏填写本单位全称。",
  "duties-missing": (): string => "未填写部门（单位）职责：请在“部门（单位）职责”一栏简要填写本单位的主要职责。",
  "goals-missing": (): string =>
    "未填写年度履职目标：请在“年度履职目标”一栏概括本年度的主要工作和目标，并与下方指标相对应。",
  "signoff-missing": (d: { label: string }): string => `签字栏${q(d.label)}未填写：请补填后再报送。`,
  "phone-invalid": (d: { text: string }): string =>
    `联系电话${q(d.text)}格式不对：请填写 11 位手机号（如 13812345678）或带区号的固定电话（如 0745-1234567）。`,

  // 指标行
  "level1-invalid": (d: { value: string; inherited: boolean; suggestion: string | null }): string => {
    const names = LEVEL1_NAMES.join("、");
    if (d.value.trim() === "") return `一级指标为空：请选择${names}之一。`;
    const owner = level1Of(d.value);
    const what = d.inherited ? `本行沿用上方的一级指标${q(d.value)}，它` : `一级指标${q(d.value)}`;
    if (owner) return `${what}是二级指标，不是一级指标：一级指标应填${q(owner)}，${q(d.value)}填在二级指标列。`;
    if (d.suggestion) return `${what}不是规定的名称：应为${q(d.suggestion)}吗？一级指标请从${names}中选择。`;
    return `${what}不是规定的名称：请改为${names}之一。`;
  },
  "level2-invalid": (d: { value: string; level1: string; suggestion: string | null }): string => {
    const choices = level2Choices(d.level1);
    if (d.value.trim() === "") return `二级指标为空：请选择${choices}之一。`;
    if (isLevel1(d.value)) return `${q(d.value)}是一级指标，不能作为二级指标：请选择${choices}之一。`;
    if (d.suggestion) return `二级指标${q(d.value)}不是规定的名称：应为${q(d.suggestion)}吗？请从${choices}中选择。`;
    return `二级指标${q(d.value)}不是规定的名称：请改为${choices}之一。`;
  },
  "level2-mismatch": (d: { level1: string; level2: string; belongsTo: string }): string =>
    `二级指标${q(d.level2)}属于${q(d.belongsTo)}，不属于本行的一级指标${q(d.level1)}：` +
    `请把一级指标改为${q(d.belongsTo)}，或改选${d.level1}下的二级指标（${level2Choices(d.level1)}）。`,
  "row-shifted": (d): string =>
    `本行单元格错位（${d.moves
      .map((m) => {
        const labels = m.first === m.last ? COLUMN_LABELS[m.first] : `${COLUMN_LABELS[m.first]}至${COLUMN_LABELS[m.last]}`;
        return `${labels}写在 ${m.from} 列，应${m.by > 0 ? "右" : "左"}移 ${Math.abs(m.by)} 列到 ${m.to} 列`;
      })
      .join("；")}）。` +
    `对齐后本行为：${d.realigned.map((r) => `${COLUMN_LABELS[r.field]}${q(r.text)}`).join("，")}。请把各单元格移到对应的列。`,
  "level3-missing": (): string => "三级指标为空：请填写指标名称，简洁明确，如“房屋修缮面积”“验收合格率”。",
  "level3-duplicate": (d): string =>
    `三级指标${q(d.name)}在${rowList(d.rows)}重复出现：同一指标在表中只应出现一次，请删除重复行或改为不同的指标。`,
  "level3-contains-value": (d: { name: string; found: string }): string =>
    `三级指标${q(d.name)}含有数值或目标${q(d.found)}：名称只写衡量什么（如“参保人数”），数字填在指标值，单位填在计量单位。`,
  "value-type-invalid": (d: { text: string; inTarget: string | null }): string => {
    if (d.text.trim() === "" && d.inTarget)
      return `指标值类型为空，比较符号${q(d.inTarget)}写在了指标值里：请把指标值类型填为${q(d.inTarget)}，指标值只留数字。`;
    if (d.text.trim() === "") return "指标值类型为空：定量指标请填 ≥、>、=、≤、< 之一，定性指标填“定性”。";
    if (d.text.replace(/\s+/g, "") === "定量")
      return "指标值类型“定量”没有说明比较方式：请改为 ≥（不低于）、>（高于）、=（等于）、≤（不超过）、<（低于）之一。";
    return `指标值类型${q(d.text)}无法识别：请改为 ≥、>、=、≤、< 之一，定性指标填“定性”。`;
  },
  "value-missing": (d: { qualitative: boolean }): string =>
    d.qualitative
      ? "指标值为空：定性指标请填写预期达到的效果，如“效果明显”。"
      : "指标值为空：请填写目标值（定量指标只填数字，单位填在计量单位）。",
  "value-not-number": (d): string => {
    const head = `定量指标的指标值${q(d.text)}不是纯数字`;
    if (d.split) {
      const parts = [
        ...(d.split.comparison && d.split.comparison !== d.valueType ? [`指标值类型填${q(d.split.comparison)}`] : []),
        `指标值填${q(String(d.split.number))}`,
        ...(d.split.unit !== "" && d.split.unit !== d.unit ? [`计量单位填${q(d.split.unit)}`] : []),
      ];
      return `${head}：请拆开填写，${parts.join("，")}。`;
    }
    return `${head}：请只填写数字，单位填在计量单位；无法量化的指标请把指标值类型改为“定性”。`;
  },
  "unit-on-qualitative": (d: { unit: string }): string =>
    `定性指标不应填写计量单位${q(d.unit)}：请清空计量单位，或把指标值类型改为比较符号并填写数字。`,
  "unit-missing": (d?: { target: string }): string =>
    d === undefined
      ? "定量指标没有计量单位：请填写数字后的单位，如“人”“%”“万元”。"
      : `指标值“${d.target}”只有数字，没有单位，而本表的指标值都带单位：请在数字后写上单位，如“${d.target}个”“${d.target}%”。`,
  "percent-out-of-range": (d: { value: number }): string =>
    `比率的指标值 ${d.value}% 超出 0 至 100% 的范围：请核对指标值或计量单位。`,
  "explanation-missing": (): string => "指标解释为空：请说明该指标衡量的具体内容、计算方法和数据口径。",
  "explanation-unrelated": (d: { name: string; explanation: string }): string =>
    `指标解释${q(d.explanation)}与三级指标${q(d.name)}没有共同的关键词，可能是从别的表格复制来的：` +
    "请按本指标重新填写解释，说明它衡量什么、怎么计算。",
  "explanation-boilerplate": (d): string =>
    `同一段指标解释用在了 ${d.count} 行（${rowList(d.rows)}）：每个指标应有自己的解释，请分别写明衡量内容和计算方法。`,
  "scoring-missing": (): string =>
    "评（扣）分标准为空：请写明本指标的分值和得分、扣分办法（可用“评分标准”中的四种方法生成）。",
  "scoring-no-points": (): string =>
    "评（扣）分标准没有写明本指标的分值：请写明满分，如“完成目标得10分”，以便合计总分和日后自评打分。",
  "scoring-boilerplate": (d): string =>
    `同一条笼统的评（扣）分标准用在了 ${d.count} 行（${rowList(d.rows)}）：请为每个指标写明分值和具体的扣分办法。`,
  "timeliness-not-time": (d: { name: string }): string =>
    `时效指标${q(d.name)}没有体现时间要求：请写明时限或及时性，如“待遇按时发放率”“办结时限”。`,
  "content-unplaced": (d: { text: string }): string =>
    `无法确定此处内容${q(d.text)}属于哪一栏，检查时未使用：请把它移到对应的列，或删除。`,

  // 整表
  "form-not-found": (): string =>
    "未找到绩效目标表：没有一张工作表含有“一级指标、二级指标、三级指标……”这样的表头。请使用标准表样，或核对表头文字。",
  "column-missing": (d: { labels: readonly string[] }): string =>
    `表头缺少${d.labels.map(q).join("、")}列，这些列的内容没有检查：请按标准表样补上（一级指标、二级指标、三级指标、指标值类型、指标值、计量单位、指标解释、评（扣）分标准、备注）。`,
  "category-missing": (d: { level1: string }): string =>
    `缺少${q(d.level1)}类的指标：请至少填写一行一级指标为${q(d.level1)}的指标（二级指标可选${level2Choices(d.level1)}）。`,
  "score-total": (d): string => {
    const sum =
      d.total === d.expected
        ? `能读出的分值合计 ${d.total} 分`
        : `各指标分值合计 ${d.total} 分，应为 ${d.expected} 分（其余分值通常留给预算执行率）`;
    const rest = d.unreadable ? `；${rowList(d.unreadable)}读不出分值，未计入合计` : "";
    const where = d.fromColumn ? "在分值列填写每个指标的分值" : "在评（扣）分标准中写明每个指标的分值";
    return `${sum}${rest}：请${where}，并调整到合计 ${d.expected} 分。`;
  },
  "goal-mismatch": (d: { clause: string; figure: string; indicator: string; row: number; target: string }): string =>
    `年度履职目标中${q(d.clause)}的数值 ${d.figure} 与第 ${d.row} 行指标${q(d.indicator)}的指标值 ${d.target} 不一致：` +
    "请核对后统一两处的目标值。",

  // 各地版式与数值
  "framework-outdated": (d): string => {
    const rows = rowList(d.rows);
    return d.part === "cost"
      ? `${rows}把${q(d.level2)}作为${q(d.level1)}下的二级指标，这是 2021 年以前的指标体系：现在“成本指标”是一级指标。` +
          "请把这几行的一级指标改为“成本指标”，二级指标改为“经济成本指标”（或“社会成本指标”“生态环境成本指标”）。"
      : `${rows}把${q(d.level2)}作为${q(d.level1)}下的二级指标，这是 2021 年以前的指标体系：现在“满意度指标”是一级指标。` +
          "请把这几行的一级指标改为“满意度指标”，二级指标改为“服务对象满意度指标”。";
  },
  "value-unit-conflict": (d): string =>
    d.from === "unit"
      ? `指标值${q(d.target)}带的单位${q(d.targetUnit)}与计量单位${q(d.unit)}不一致：请核对后只保留一个单位，指标值只填数字。`
      : `指标值${q(d.target)}的单位${q(d.targetUnit)}与三级指标名称中的${q(d.unit)}不一致：请核对指标值、计量单位和指标名称。`,
  "value-date-serial": (d): string =>
    `${d.where === "target" ? "指标值" : "计量单位"} ${d.serial} 像是被粘贴成数字的日期（${d.date}）：` +
    `请改为文字，如“${d.date}前完成”，或写成天数、月数等时限。`,
  "value-no-comparison": (d): string =>
    `指标值${q(d.text)}没有写比较方式，而本表其他指标值都带比较符号：请在数字前加上 ≥、≤、= 等，如“≥${d.text}”。`,
  "template-text-left": (d): string =>
    `${q(d.text)}中留有表样的占位符或填表提示${q(d.found)}：请换成本单位的实际内容，或删除提示文字。`,
};

/** Kept for callers that named the shape after the Chinese module. */
export type Messages = FindingMessages;
