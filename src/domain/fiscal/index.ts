// 预算年度：新表的默认年度、文字中的年份、结转下一年度的修改清单。

export {
  defaultFiscalYear,
  findYearMentions,
  shiftYearMentions,
  writeYearLike,
  type YearMention,
} from "./years";
export { planNextYear, FiscalYearError, type NextYearPlan, type NextYearEdit } from "./next-year";
export { nextYearMessages, zhNextYear, enNextYear, type NextYearMessages, type YearMove } from "./messages";
