// 分值分配：还没写明分值的指标行平分剩下的总分。一张表的每个指标行都算一份，哪怕只填了一级、二级指标
// （新表样的空行）：否则第一个填好的行会拿走全部剩余分值。

import type { Form, IndicatorRow } from "../form";
import { cellText, type Grid } from "../grid";
import { pointsOf } from "./points";

/** The row's own points: its 分值 cell when the table has that column, else what its standard says. */
export function statedPoints(form: Form, row: IndicatorRow): number | null {
  return form.columns.points !== undefined ? row.points : pointsOf(row.values.scoringStandard);
}

/**
 * How many indicator rows the form has, counting the template's rows that so far hold only their level-1 or
 * level-2 (the reader leaves those out of `form.rows`, as they have nothing to check).
 */
export function indicatorSlots(grid: Grid, form: Form): number {
  const filled = new Set(form.rows.map((r) => r.row));
  const cols = [form.columns.level1, form.columns.level2].filter((c): c is number => c !== undefined);
  // The template's empty rows may lie below the last filled one: look on down to the sign-off lines,
  // stopping at a run of blank rows (the grid has ended).
  const signoffRows = Object.values(form.signoff)
    .map((f) => f.cell?.row)
    .filter((r): r is number => r !== undefined && r > form.headerRow);
  const stop = Math.min(grid.length, ...signoffRows);
  let slots = filled.size;
  let blanks = 0;
  for (let r = form.headerRow + 1; r < stop && blanks < BLANK_RUN; r++) {
    if (filled.has(r)) {
      blanks = 0;
      continue;
    }
    const row = grid[r] ?? [];
    if (cols.some((c) => cellText(row[c]) !== "")) {
      slots++;
      blanks = 0;
    } else blanks++;
  }
  return slots;
}

/** Blank rows that end a grid. */
const BLANK_RUN = 3;

/**
 * Points for `rows` that state none: what is left of `expectedTotal` after the stated points, shared out
 * in half points over every indicator slot without points (filled or not), so no row is offered more than
 * its share. The last open slot takes the remainder when `rows` are all of them. 10 each when nothing is left.
 */
export function sharePoints(
  form: Form,
  rows: readonly IndicatorRow[],
  expectedTotal: number,
  slots: number,
): Map<IndicatorRow, number> {
  const out = new Map<IndicatorRow, number>();
  const open = rows.filter((r) => statedPoints(form, r) === null);
  const stated = form.rows.reduce((sum, r) => sum + (statedPoints(form, r) ?? 0), 0);
  const withPoints = form.rows.filter((r) => statedPoints(form, r) !== null).length;
  const openSlots = Math.max(slots - withPoints, form.rows.length - withPoints, 0);
  const left = expectedTotal - stated;
  const share = openSlots > 0 ? Math.floor((left / openSlots) * 2) / 2 : 0;
  if (share < 0.5 || share > 100) {
    for (const r of open) out.set(r, 10);
    return out;
  }
  open.forEach((r) => out.set(r, share));
  if (open.length === openSlots && open.length > 0) {
    const last = open[open.length - 1] as IndicatorRow;
    const rest = Math.round((left - share * (open.length - 1)) * 100) / 100;
    if (rest > 0 && rest <= 100) out.set(last, rest);
  }
  return out;
}
