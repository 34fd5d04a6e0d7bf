// 绩效自评（SPEC 第8节）：由目标表得出自评表，按评（扣）分标准由实际完成值算得分，预算执行率、总分与等级，
// 自评表自带的公式，以及读出填好的自评表供规则检查。

export {
  SELFEVAL_TITLE,
  BUDGET_POINTS,
  TOTAL_POINTS,
  selfEvaluationOf,
  indicatorOf,
  statedTarget,
  type SelfEvalIndicator,
  type SelfEvaluation,
} from "./form";
export { scoreOf, missesTarget, meetsTarget, actualNumber, compactText, roundTo, completionRate, type SelfScore } from "./score";
export { executionOf, gradeOf, totalOf, GRADE_NAMES, RATE_DIGITS, type Execution, type SelfEvalGrade } from "./budget";
export {
  drawSelfEvaluation,
  selfEvalSheetName,
  SELFEVAL_COLUMNS,
  SELFEVAL_LABELS,
  BUDGET_LABELS,
  TOTAL_LABEL,
  GRADE_LABEL,
  SELFEVAL_NOTES,
  type SelfEvalDrawing,
  type SelfEvalCell,
  type SelfEvalValidation,
  type SelfEvalColumn,
} from "./layout";
export { scoreFormula, rateFormula, executionScoreFormula, totalFormula, gradeFormula, gradedScoreValidation, GRADE_LIST } from "./native";
export {
  readSelfEvaluations,
  indicatorOfTableRow,
  level1Label,
  type SelfEvalTable,
  type SelfEvalTableRow,
  type SelfEvalTableColumn,
  type BudgetBlock,
  type NumberCell,
} from "./read";
export { methodOf, type SelfEvalMethod, type ShortfallMethod, type LevelsMethod } from "./method";
