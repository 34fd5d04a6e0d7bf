// 结转下一年度：由今年的表算出明年的表要改哪些单元格（纯函数，不改动表格本身）。

import type { CellRef, Form, IndicatorField, IndicatorRow } from "../form";
import { cellText, type CellValue, type Grid } from "../grid";
import { SIGNOFF_ALIASES } from "../reader/labels";
import type { Language } from "../settings";
import { parseNumber } from "../text";
import { nextYearMessages } from "./messages";
import { shiftYearMentions } from "./years";

export interface NextYearEdit {
  /** 0-based cell in the source grid. */
  row: number;
  col: number;
  before: string;
  after: string;
  /** What changed, in the plan's language (Chinese by default), for the pane and the CLI. */
  reason: string;
}

export interface NextYearPlan {
  fromYear: number;
  toYear: number;
  edits: NextYearEdit[];
}

/** The form states no year, so there is nothing to carry forward from. */
export class FiscalYearError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FiscalYearError";
  }
}

/** The cell's text as stored, so line breaks survive when the edit is written back. */
function rawText(v: CellValue): string {
  return typeof v === "string" ? v : cellText(v);
}

function same(a: string, b: string): boolean {
  return cellText(a) === cellText(b);
}

const SIGNOFF_LABELS = Object.values(SIGNOFF_ALIASES)
  .flat()
  .sort((a, b) => b.length - a.length);
const FILL_DATE_LABELS = SIGNOFF_ALIASES.fillDate;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "填表日期：2025.12.12 单位负责人：黄长春" → label, value, and the gap before the next label. */
const FILL_DATE_IN_TEXT = new RegExp(
  `((?:${FILL_DATE_LABELS.map(escape).join("|")})\\s*[：:]?)([^]*?)(\\s*)(?=${SIGNOFF_LABELS.map(escape).join("|")}|$)`,
);

/** The cell text with the fill date taken out; the label and the other sign-offs in the cell stay. */
function withoutFillDate(text: string, date: string): string {
  const m = FILL_DATE_IN_TEXT.exec(text);
  if (m && m[1] !== undefined) return text.slice(0, m.index) + m[1] + (m[3] ?? "") + text.slice(m.index + m[0].length);
  // The label sits in another cell: this cell holds the date, maybe followed by other sign-offs.
  if (same(text, date)) return "";
  const at = text.indexOf(date);
  return at < 0 ? text : (text.slice(0, at) + text.slice(at + date.length)).trimStart();
}

/** Texts whose years move with the table when asked: header fields and indicator texts. */
const MENTION_FIELDS: readonly IndicatorField[] = ["level3", "target", "explanation", "scoringStandard", "remarks"];

/**
 * The grid column that holds a row's field: where a slid row's value came from, else its column;
 * checked against the text so an edit never lands on another cell (null when the text is not found).
 */
function sourceCol(grid: Grid, row: IndicatorRow, field: IndicatorField): number | null {
  const value = row.values[field];
  const cells = grid[row.row] ?? [];
  const moved = row.realignment?.moved.find((m) => m.field === field)?.fromCol;
  for (const col of [moved, row.cols[field]]) {
    if (col !== undefined && same(rawText(cells[col]), value)) return col;
  }
  const found = cells.findIndex((v) => same(rawText(v), value));
  return found < 0 ? null : found;
}

interface CellPlan {
  cell: CellRef;
  /** Which mentioned years move one year on. */
  shift: "form-year" | "form-year-and-later" | null;
  /** Fixed-text fallback for a year cell holding the number alone ("2026"). */
  yearCell: boolean;
  clearFillDate: boolean;
}

/**
 * What to change to make next year's table from this one (SPEC section 4): the year line (or the year in
 * the title), the title's mentions of this year, the fill date cleared, and — with `updateMentions` — every
 * year from this one on in the header texts and indicator texts moved one year on. Pure: the grid and the
 * form are not modified; the Excel layer and the CLI apply the edits to a copy. `language` (default "zh")
 * is that of the edits' reasons and of the FiscalYearError.
 */
export function planNextYear(
  grid: Grid,
  form: Form,
  options: { updateMentions: boolean; language?: Language },
): NextYearPlan {
  const say = nextYearMessages(options.language ?? "zh");
  const fromYear = form.year.value;
  if (fromYear === null) throw new FiscalYearError(say.noYear());
  const toYear = fromYear + 1;

  const plans = new Map<string, CellPlan>();
  const planFor = (cell: CellRef): CellPlan => {
    const key = `${cell.row},${cell.col}`;
    let p = plans.get(key);
    if (!p) {
      p = { cell, shift: null, yearCell: false, clearFillDate: false };
      plans.set(key, p);
    }
    return p;
  };
  const widen = (p: CellPlan, shift: "form-year" | "form-year-and-later") => {
    if (p.shift !== "form-year-and-later") p.shift = shift;
  };
  const textAt = (cell: CellRef): string => rawText(grid[cell.row]?.[cell.col]);

  if (form.year.cell) {
    const p = planFor(form.year.cell);
    widen(p, "form-year");
    p.yearCell = true;
  }
  // A title that names the year ("2026年度部门整体支出绩效目标表") must follow the year line.
  if (form.title.cell) widen(planFor(form.title.cell), "form-year");
  if (form.signoff.fillDate.cell && form.signoff.fillDate.text !== "") planFor(form.signoff.fillDate.cell).clearFillDate = true;

  if (options.updateMentions) {
    for (const field of ["deptName", "duties", "goals"] as const) {
      const cell = form.header[field].cell;
      if (cell && form.header[field].text !== "") widen(planFor(cell), "form-year-and-later");
    }
    for (const row of form.rows) {
      for (const field of MENTION_FIELDS) {
        const value = row.values[field];
        if (value === "") continue;
        if (field === "target" && parseNumber(value) !== null) continue; // a number, not a text
        const col = sourceCol(grid, row, field);
        if (col !== null) widen(planFor({ row: row.row, col }), "form-year-and-later");
      }
    }
  }

  const edits: NextYearEdit[] = [];
  for (const p of plans.values()) {
    const before = textAt(p.cell);
    let after = before;
    const reasons: string[] = [];
    if (p.clearFillDate) {
      after = withoutFillDate(after, form.signoff.fillDate.text);
      if (after !== before) reasons.push(say.fillDateCleared({ date: form.signoff.fillDate.text }));
    }
    if (p.shift) {
      const accept = p.shift === "form-year" ? (y: number) => y === fromYear : (y: number) => y >= fromYear;
      const shifted = shiftYearMentions(after, accept);
      let moved = shifted.moved;
      after = shifted.text;
      if (moved.length === 0 && p.yearCell) {
        // The year cell may hold the number alone ("2026", or a number cell).
        const bare = new RegExp(`(?<!\\d)${fromYear}(?!\\d)`);
        if (bare.test(after)) {
          after = after.replace(bare, String(toYear));
          moved = [{ from: String(fromYear), to: String(toYear) }];
        }
      }
      if (moved.length > 0) {
        if (p.yearCell) reasons.push(say.yearChanged({ fromYear, toYear }));
        else {
          const seen = new Set<string>();
          const moves = moved.filter((m) => {
            const key = `${m.from}→${m.to}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
          reasons.push(say.mentionsMoved({ moves }));
        }
      }
    }
    if (after !== before) edits.push({ row: p.cell.row, col: p.cell.col, before, after, reason: say.joinReasons(reasons) });
  }
  edits.sort((a, b) => a.row - b.row || a.col - b.col);
  return { fromYear, toYear, edits };
}
