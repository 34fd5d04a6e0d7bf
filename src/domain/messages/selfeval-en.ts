// English texts of the self-evaluation findings.

import { formatNumber } from "../scoring/render";
import type { SelfEvalFindingMessages } from "./selfeval-types";

const q = (s: string): string => `"${s}"`;
const pct = (r: number): string => `${formatNumber(r * 100)}%`;

export const selfEvalEn: SelfEvalFindingMessages = {
  "actual-missing": (d) => `The indicator ${q(d.indicator)} has no actual value: enter the value reached this year; for a qualitative indicator pick a grade.`,
  "deviation-reason-missing": (d) =>
    d.indicator === null
      ? `The budget execution rate${d.rate === null ? "" : ` ${pct(d.rate)}`} is below 90% and no reason is given: explain why and what will change.`
      : `The indicator ${q(d.indicator)} missed its target and no reason is given: explain why and what will change.`,
  "score-out-of-range": (d) =>
    d.grade
      ? `A score for the grade ${q(d.grade)} must lie between ${formatNumber(d.low)} and ${formatNumber(d.high)}; it is ${formatNumber(d.score)}: score within that band or pick another grade.`
      : `The score ${formatNumber(d.score)} is not between ${formatNumber(d.low)} and ${formatNumber(d.high)}: a score cannot be negative or exceed the indicator's points.`,
  "score-mismatch": (d) =>
    `The score ${formatNumber(d.written)} for ${d.indicator === null ? "budget execution" : `the indicator ${q(d.indicator)}`} differs from the ${formatNumber(d.computed)} its scoring standard gives: check the actual value and the score.`,
  "execution-rate-invalid": (d) => {
    switch (d.problem) {
      case "block-missing":
        return "No budget execution block (annual budget, spending, rate, score) was found: add it above the indicators.";
      case "annual-missing":
        return "The annual budget (A) is blank or 0, so no rate can be computed: enter the annual budget.";
      case "spent-missing":
        return "The annual spending (B) is blank: enter what was spent this year.";
      case "spent-over":
        return "The annual spending (B) is larger than the annual budget (A): check both figures.";
      case "rate-wrong":
        return `The execution rate ${q(d.written)} is not B / A${d.expected === null ? "" : ` (it should be ${pct(d.expected)})`}: divide spending by budget.`;
    }
  },
  "selfeval-total": (d) => {
    switch (d.kind) {
      case "points":
        return `Budget execution and the indicators are worth ${formatNumber(d.total)} points together but should be worth ${formatNumber(d.expected)}: adjust the points.`;
      case "sum":
        return `The total ${formatNumber(d.written)} differs from the sum of the scores, ${formatNumber(d.computed)}: add them up again.`;
      case "grade":
        return `The grade ${q(d.written)} does not fit the total ${formatNumber(d.total)}; it should be ${q(d.expected)} (90-100, 80-89, 60-79, below 60).`;
    }
  },
};
