// 四种赋分方法：参数校验、生成评（扣）分标准文字、计算得分、默认方法、从文字读回分值。

export {
  ScoringMethodSchema,
  METHOD_LABELS,
  PROPORTIONAL_VARIANT_LABELS,
  GRADES,
  defaultSatisfactionBands,
  type ScoringMethod,
  type ScoringMethodInput,
  type ScoringKind,
  type GradeName,
  type SatisfactionBand,
} from "./schema";
export { renderStandard, formatNumber, formatPercent } from "./render";
export { scoreOf, ScoringInputError, type ScoreActual, type GradeActual } from "./score";
export { defaultMethodFor, satisfactionBandsFor, targetShare } from "./defaults";
export { indicatorSlots, sharePoints, statedPoints } from "./share";
export { pointsOf } from "./points";
export { readStandard } from "./read";
