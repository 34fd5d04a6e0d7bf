// 绩效自评规则（SPEC 第8节）说明的形状；中文 selfeval-zh.ts、英文 selfeval-en.ts。

/** The problem with the budget-execution block. */
export type ExecutionProblem = "annual-missing" | "spent-missing" | "spent-over" | "rate-wrong" | "block-missing";

export interface SelfEvalFindingMessages {
  /** `indicator`: the 三级指标 name. */
  readonly "actual-missing": (d: { indicator: string }) => string;
  /** `indicator` null: the budget-execution rate (below 90%). */
  readonly "deviation-reason-missing": (d: { indicator: string | null; rate: number | null }) => string;
  /** `grade`: the grade judged, when the range is that grade's band. */
  readonly "score-out-of-range": (d: { score: number; low: number; high: number; grade: string | null }) => string;
  /** `indicator` null: the budget-execution score. */
  readonly "score-mismatch": (d: { indicator: string | null; written: number; computed: number; why: string }) => string;
  readonly "execution-rate-invalid": (d: { problem: ExecutionProblem; written: string; expected: number | null }) => string;
  readonly "selfeval-total": (
    d:
      | { kind: "points"; total: number; expected: number }
      | { kind: "sum"; written: number; computed: number }
      | { kind: "grade"; written: string; expected: string; total: number },
  ) => string;
}
