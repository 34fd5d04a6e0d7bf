// 规则目录：每条规则一个文件（导出 id、severity、check），在这里登记。加一条规则 = 加一个文件、登记、加测试用例。

import { compareFindings, type Finding } from "../findings";
import type { Form } from "../form";
import type { Grid } from "../grid";
import { readForms } from "../reader";
import type { Settings } from "../settings";
import { createContext, type Rule } from "./rule";
import * as yearInvalid from "./year-invalid";
import * as deptNameMissing from "./dept-name-missing";
import * as dutiesMissing from "./duties-missing";
import * as goalsMissing from "./goals-missing";
import * as signoffMissing from "./signoff-missing";
import * as phoneInvalid from "./phone-invalid";
import * as level1Invalid from "./level1-invalid";
import * as level2Invalid from "./level2-invalid";
import * as level2Mismatch from "./level2-mismatch";
import * as rowShifted from "./row-shifted";
import * as level3Missing from "./level3-missing";
import * as level3Duplicate from "./level3-duplicate";
import * as level3ContainsValue from "./level3-contains-value";
import * as valueTypeInvalid from "./value-type-invalid";
import * as valueMissing from "./value-missing";
import * as valueNotNumber from "./value-not-number";
import * as unitOnQualitative from "./unit-on-qualitative";
import * as unitMissing from "./unit-missing";
import * as percentOutOfRange from "./percent-out-of-range";
import * as explanationMissing from "./explanation-missing";
import * as explanationUnrelated from "./explanation-unrelated";
import * as explanationBoilerplate from "./explanation-boilerplate";
import * as scoringMissing from "./scoring-missing";
import * as scoringNoPoints from "./scoring-no-points";
import * as scoringBoilerplate from "./scoring-boilerplate";
import * as timelinessNotTime from "./timeliness-not-time";
import * as contentUnplaced from "./content-unplaced";
import * as formNotFound from "./form-not-found";
import * as columnMissing from "./column-missing";
import * as categoryMissing from "./category-missing";
import * as scoreTotal from "./score-total";
import * as goalMismatch from "./goal-mismatch";
import * as frameworkOutdated from "./framework-outdated";
import * as valueUnitConflict from "./value-unit-conflict";
import * as valueDateSerial from "./value-date-serial";
import * as valueNoComparison from "./value-no-comparison";
import * as templateTextLeft from "./template-text-left";
// 绩效自评（SPEC 第8节）
import { readSelfEvaluations, type SelfEvalTable } from "../selfeval";
import { createSelfEvalContext, type SelfEvalRule } from "./selfeval-rule";
import * as actualMissing from "./actual-missing";
import * as deviationReasonMissing from "./deviation-reason-missing";
import * as scoreOutOfRange from "./score-out-of-range";
import * as scoreMismatch from "./score-mismatch";
import * as executionRateInvalid from "./execution-rate-invalid";
import * as selfevalTotal from "./selfeval-total";

export { createContext, type Rule, type RuleContext } from "./rule";
export { formNotFoundFinding } from "./form-not-found";
export { createSelfEvalContext, type SelfEvalRule, type SelfEvalRuleContext, type TableKind } from "./selfeval-rule";

/** Every rule, in the catalog order of RULE_IDS. form-not-found is here for the catalog; its check finds nothing. */
export const RULES: readonly Rule[] = [
  yearInvalid,
  deptNameMissing,
  dutiesMissing,
  goalsMissing,
  signoffMissing,
  phoneInvalid,
  level1Invalid,
  level2Invalid,
  level2Mismatch,
  rowShifted,
  level3Missing,
  level3Duplicate,
  level3ContainsValue,
  valueTypeInvalid,
  valueMissing,
  valueNotNumber,
  unitOnQualitative,
  unitMissing,
  percentOutOfRange,
  explanationMissing,
  explanationUnrelated,
  explanationBoilerplate,
  scoringMissing,
  scoringNoPoints,
  scoringBoilerplate,
  timelinessNotTime,
  contentUnplaced,
  formNotFound,
  columnMissing,
  categoryMissing,
  scoreTotal,
  goalMismatch,
  frameworkOutdated,
  valueUnitConflict,
  valueDateSerial,
  valueNoComparison,
  templateTextLeft,
];

/** The self-evaluation table's rules (SPEC §8), in the catalog order of RULE_IDS after RULES. */
export const SELFEVAL_RULES: readonly SelfEvalRule[] = [
  actualMissing,
  deviationReasonMissing,
  scoreOutOfRange,
  scoreMismatch,
  executionRateInvalid,
  selfevalTotal,
];

/** Every finding for one self-evaluation table, sorted like checkForm's. */
export function checkSelfEvaluation(table: SelfEvalTable, settings: Settings): Finding[] {
  const ctx = createSelfEvalContext(table, settings);
  return SELFEVAL_RULES.filter((r) => r.appliesTo.includes("self-evaluation"))
    .flatMap((r) => r.check(ctx))
    .sort(compareFindings);
}

/** Every finding for one form, errors first, then by row and column. */
export function checkForm(form: Form, settings: Settings): Finding[] {
  const ctx = createContext(form, settings);
  return RULES.flatMap((r) => r.check(ctx)).sort(compareFindings);
}

/**
 * Every form in a grid and their findings (no form-not-found: the caller decides across sheets). Self-evaluation
 * tables are checked by their own rules; the target-table reader's reading of the same grid is dropped.
 */
export function checkGrid(grid: Grid, settings: Settings): { forms: Form[]; selfEvaluations: SelfEvalTable[]; findings: Finding[] } {
  const selfEvaluations = readSelfEvaluations(grid);
  const selfHeaders = new Set(selfEvaluations.map((t) => t.headerRow));
  const forms = readForms(grid).filter((f) => !selfHeaders.has(f.headerRow));
  const findings = [
    ...forms.flatMap((f) => checkForm(f, settings)),
    ...selfEvaluations.flatMap((t) => checkSelfEvaluation(t, settings)),
  ].sort(compareFindings);
  return { forms, selfEvaluations, findings };
}
