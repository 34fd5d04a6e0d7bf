// 绩效自评规则的中文说明：哪里不对、怎么改。

import { formatNumber } from "../scoring/render";
import type { SelfEvalFindingMessages } from "./selfeval-types";

const q = (s: string): string => `“${s}”`;
const pct = (r: number): string => `${formatNumber(r * 100)}%`;

export const selfEvalZh: SelfEvalFindingMessages = {
  "actual-missing": (d) => `指标${q(d.indicator)}未填写实际完成值：请填写全年实际完成的数值；定性指标请选择评判等级。`,
  "deviation-reason-missing": (d) =>
    d.indicator === null
      ? `预算执行率 ${d.rate === null ? "" : pct(d.rate)} 低于 90%，未填写偏差原因：请说明执行率偏低的原因和改进措施。`
      : `指标${q(d.indicator)}未达到年度指标值，未填写偏差原因分析及改进措施：请说明未完成的原因和下一步措施。`,
  "score-out-of-range": (d) =>
    d.grade
      ? `评判等级${q(d.grade)}的得分应在 ${formatNumber(d.low)} 至 ${formatNumber(d.high)} 分之间，现为 ${formatNumber(d.score)} 分：请在该区间内评分或改选等级。`
      : `得分 ${formatNumber(d.score)} 分不在 ${formatNumber(d.low)} 至 ${formatNumber(d.high)} 分之间：得分不能为负，也不能超过该指标的分值。`,
  "score-mismatch": (d) =>
    `${d.indicator === null ? "预算执行率" : `指标${q(d.indicator)}`}的得分 ${formatNumber(d.written)} 分与按评（扣）分标准算出的 ${formatNumber(d.computed)} 分不一致（${d.why}）：请核对实际完成值和得分。`,
  "execution-rate-invalid": (d) => {
    switch (d.problem) {
      case "block-missing":
        return "没有找到预算执行情况（全年预算数、全年执行数、执行率、得分）：请在指标表上方补上预算执行一栏。";
      case "annual-missing":
        return "全年预算数（A）未填写或为 0，无法计算执行率：请填写全年预算数。";
      case "spent-missing":
        return "全年执行数（B）未填写：请填写全年实际支出数。";
      case "spent-over":
        return "全年执行数（B）大于全年预算数（A）：请核对两个数，执行数不应超过预算数。";
      case "rate-wrong":
        return `执行率${q(d.written)}不等于 B÷A${d.expected === null ? "" : `（应为 ${pct(d.expected)}）`}：请按全年执行数除以全年预算数填写。`;
    }
  },
  "selfeval-total": (d) => {
    switch (d.kind) {
      case "points":
        return `预算执行率和各指标的分值合计 ${formatNumber(d.total)} 分，应为 ${formatNumber(d.expected)} 分：请调整分值。`;
      case "sum":
        return `总分 ${formatNumber(d.written)} 分与各项得分之和 ${formatNumber(d.computed)} 分不一致：请重新合计。`;
      case "grade":
        return `自评等级${q(d.written)}与总分 ${formatNumber(d.total)} 分不符，应为${q(d.expected)}（优 90–100，良 80–89，中 60–79，差 60 分以下）。`;
    }
  },
};
