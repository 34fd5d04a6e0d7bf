// score-total：各指标分值之和不等于设置的总分（默认 90），或有的行读不出分值（说明是哪些行）。
// 分值来源：表格有分值/权重列时用该列（row.points），否则用 pointsOf(评（扣）分标准)。
// 单元格为分值列（没有时为评（扣）分标准列）的表头。

import type { Finding, Severity } from "../findings";
import { findingAt, headerCell, type RuleContext } from "./rule";

export const id = "score-total";
export const severity: Severity = "warning";

export function check({ form, settings, points: pointsInStandard, messages }: RuleContext): Finding[] {
  if (form.rows.length === 0) return []; // nothing filled in yet: category-missing already says so
  const hasPointsColumn = form.columns.points !== undefined;
  let total = 0;
  const unreadable: number[] = [];
  for (const r of form.rows) {
    const points = hasPointsColumn ? r.points : pointsInStandard(r.values.scoringStandard);
    if (points === null) unreadable.push(r.row + 1);
    else total += points;
  }
  total = Math.round(total * 100) / 100; // 0.5-point steps must not leave float noise
  const expected = settings.expectedTotal;
  if (Math.abs(total - expected) < 1e-9 && unreadable.length === 0) return [];
  const col = form.columns.points ?? form.columns.scoringStandard;
  const cell = col === undefined ? headerCell(form) : { row: form.headerRow, col };
  const message = messages[id]({
    total,
    expected,
    unreadable: unreadable.length > 0 ? unreadable : null,
    fromColumn: hasPointsColumn,
  });
  return [findingAt(id, severity, cell, message)];
}
