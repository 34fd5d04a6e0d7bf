// 检查结果说明的形状：每种语言一个模块（zh.ts、en.ts），都实现 FindingMessages，规则只传数据、不拼文字。

import type { RuleId } from "../findings";
import type { IndicatorField } from "../form";
import type { SelfEvalFindingMessages } from "./selfeval-types";

export interface TargetSplitHint {
  comparison: string | null;
  number: number;
  unit: string;
}

/** Consecutive fields of a row that moved by the same number of columns (first..last, column letters). */
export interface RowMove {
  first: IndicatorField;
  last: IndicatorField;
  from: string;
  to: string;
  by: number;
}

/** One message function per rule id; the data is the same in every language, only the words differ. */
export interface FindingMessages extends SelfEvalFindingMessages {
  // 表头
  readonly "year-invalid": (d: { text: string; value: number | null }) => string;
  readonly "dept-name-missing": () => string;
  readonly "duties-missing": () => string;
  readonly "goals-missing": () => string;
  /** `label`: the form's own sign-off label (填表人…). */
  readonly "signoff-missing": (d: { label: string }) => string;
  readonly "phone-invalid": (d: { text: string }) => string;

  // 指标行
  readonly "level1-invalid": (d: { value: string; inherited: boolean; suggestion: string | null }) => string;
  readonly "level2-invalid": (d: { value: string; level1: string; suggestion: string | null }) => string;
  readonly "level2-mismatch": (d: { level1: string; level2: string; belongsTo: string }) => string;
  readonly "row-shifted": (d: {
    moves: readonly RowMove[];
    realigned: ReadonlyArray<{ field: IndicatorField; text: string }>;
  }) => string;
  readonly "level3-missing": () => string;
  /** `rows`: 1-based sheet rows holding the name (all of them; the message names a few). */
  readonly "level3-duplicate": (d: { name: string; rows: readonly number[] }) => string;
  readonly "level3-contains-value": (d: { name: string; found: string }) => string;
  readonly "value-type-invalid": (d: { text: string; inTarget: string | null }) => string;
  readonly "value-missing": (d: { qualitative: boolean }) => string;
  readonly "value-not-number": (d: { text: string; split: TargetSplitHint | null; valueType: string; unit: string }) => string;
  readonly "unit-on-qualitative": (d: { unit: string }) => string;
  readonly "unit-missing": (d?: { target: string }) => string;
  readonly "percent-out-of-range": (d: { value: number }) => string;
  readonly "explanation-missing": () => string;
  readonly "explanation-unrelated": (d: { name: string; explanation: string }) => string;
  readonly "explanation-boilerplate": (d: { count: number; rows: readonly number[] }) => string;
  readonly "scoring-missing": () => string;
  readonly "scoring-no-points": () => string;
  readonly "scoring-boilerplate": (d: { count: number; rows: readonly number[] }) => string;
  readonly "timeliness-not-time": (d: { name: string }) => string;
  readonly "content-unplaced": (d: { text: string }) => string;

  // 整表
  readonly "form-not-found": () => string;
  /** `labels`: every column the form lacks, by the standard form's labels (评（扣）分标准…). */
  readonly "column-missing": (d: { labels: readonly string[] }) => string;
  readonly "category-missing": (d: { level1: string }) => string;
  /** `unreadable`: 1-based rows whose points could not be read, or null. */
  readonly "score-total": (d: { total: number; expected: number; unreadable: readonly number[] | null; fromColumn: boolean }) => string;
  readonly "goal-mismatch": (d: { clause: string; figure: string; indicator: string; row: number; target: string }) => string;

  // 各地版式与数值
  /** `part`: 成本指标 under 产出指标 ("cost") or 满意度 under 效益指标 ("satisfaction"); `rows` 1-based. */
  readonly "framework-outdated": (d: { part: "cost" | "satisfaction"; level1: string; level2: string; rows: readonly number[] }) => string;
  /** `from`: where the other unit is written: the unit column or the indicator's name. */
  readonly "value-unit-conflict": (d: { target: string; targetUnit: string; unit: string; from: "unit" | "name" }) => string;
  /** `where`: the target or the unit cell; `date`: the serial as a date (2021-12-31). */
  readonly "value-date-serial": (d: { serial: number; date: string; where: "target" | "unit" }) => string;
  readonly "value-no-comparison": (d: { text: string }) => string;
  readonly "template-text-left": (d: { text: string; found: string }) => string;
}

/** Compile-time guard: FindingMessages has exactly the rule ids as keys. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const FINDING_MESSAGES_COVER_RULE_IDS: Exactly<keyof FindingMessages, RuleId> = true;

/** How many rows a message names before it says "and N more". */
export const ROWS_NAMED = 5;
