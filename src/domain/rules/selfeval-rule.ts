// 绩效自评规则的共同形状：规则说明自己适用于哪种表（target 目标表 / self-evaluation 自评表），
// 检查的是读出的自评表及每行按评（扣）分标准算出的得分。

import type { Finding, RuleId, Severity } from "../findings";
import { findingMessages, type FindingMessages } from "../messages";
import {
  indicatorOfTableRow,
  scoreOf,
  type SelfEvalIndicator,
  type SelfEvalTable,
  type SelfEvalTableRow,
  type SelfScore,
} from "../selfeval";
import type { Settings } from "../settings";

export type TableKind = "target" | "self-evaluation";

export interface EvaluatedRow {
  row: SelfEvalTableRow;
  indicator: SelfEvalIndicator;
  /** What the standard and the actual value give (computed, the user's, blank or unreadable). */
  score: SelfScore;
}

export interface SelfEvalRuleContext {
  readonly table: SelfEvalTable;
  readonly settings: Settings;
  readonly messages: FindingMessages;
  readonly rows: readonly EvaluatedRow[];
}

export interface SelfEvalRule {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly appliesTo: readonly TableKind[];
  check(ctx: SelfEvalRuleContext): Finding[];
}

export function createSelfEvalContext(table: SelfEvalTable, settings: Settings): SelfEvalRuleContext {
  return {
    table,
    settings,
    messages: findingMessages(settings.language ?? "zh"),
    rows: table.rows.map((row) => {
      const indicator = indicatorOfTableRow(row);
      return { row, indicator, score: scoreOf(indicator, row.actual) };
    }),
  };
}

/** The indicator's name for messages. */
export function nameOf(r: EvaluatedRow): string {
  return r.row.level3;
}
