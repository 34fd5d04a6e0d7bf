// row-shifted：读表时发现本行单元格整体或部分错列并已对齐（row.realignment）。
// 单元格为错位内容中最靠左的原位置；说明列出移动情况和对齐后本行的样子。

import type { Finding, Severity } from "../findings";
import { INDICATOR_FIELDS, type IndicatorField } from "../form";
import { columnLetter } from "../grid";
import type { RowMove } from "../messages";
import { excerpt } from "./terms";
import { findingAt, type RuleContext } from "./rule";

export const id = "row-shifted";
export const severity: Severity = "error";

/** Consecutive fields that moved by the same number of columns, as one run: level1..explanation A–G → B–H. */
export function groupMoves(
  moved: ReadonlyArray<{ field: IndicatorField; fromCol: number; toCol: number }>,
): RowMove[] {
  const runs: Array<Array<{ field: IndicatorField; fromCol: number; toCol: number }>> = [];
  for (const m of [...moved].sort((a, b) => a.fromCol - b.fromCol)) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && m.fromCol === prev.fromCol + 1 && m.toCol - m.fromCol === prev.toCol - prev.fromCol) run.push(m);
    else runs.push([m]);
  }
  const span = (a: number, b: number): string => (a === b ? columnLetter(a) : `${columnLetter(a)}–${columnLetter(b)}`);
  return runs.flatMap((run) => {
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last) return [];
    return [{ first: first.field, last: last.field, from: span(first.fromCol, last.fromCol), to: span(first.toCol, last.toCol), by: first.toCol - first.fromCol }];
  });
}

export function check({ form, messages }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const r of form.rows) {
    const re = r.realignment;
    if (!re) continue;
    const fromCols = re.moved.map((m) => m.fromCol);
    const col = fromCols.length > 0 ? Math.min(...fromCols) : r.cols.level1;
    const moves = groupMoves(re.moved);
    const realigned = INDICATOR_FIELDS.filter((f) => r.values[f] !== "").map((f) => ({
      field: f,
      text: excerpt(r.values[f], 16),
    }));
    out.push(findingAt(id, severity, { row: r.row, col }, messages[id]({ moves, realigned })));
  }
  return out;
}
