// 从一张工作表的单元格值中找出每一张绩效目标表并读出来。

import {

  INDICATOR_FIELDS,
  SIGNOFF_FIELDS,
  type CellRef,
  type ColumnKey,
  type FieldValue,
  type Form,
  type HeaderField,
  type IndicatorField,
  type IndicatorRow,
  type ReaderNote,
  type SignoffField,
} from "../form";
import { cellText, type Grid } from "../grid";
import { GRID_LABEL } from "../layout";
import { isLevel1, isLevel2 } from "../taxonomy";
import { parseNumber, stripTags, toHalfWidth } from "../text";
import { alignRow, splitTarget, type RowCell } from "./align";
import {
  columnKeyOf,
  columnKeyUnder,
  headerFieldInline,
  headerFieldOf,
  isInstruction,
  isSerialLabel,
  isSerialValue,
  isSignoffStart,
  isTotalsLabel,
  isYearLabel,
  signoffPairs,
  yearLineOf,
} from "./labels";

export { splitTarget } from "./align";

/** Columns without which a table is not a form at all (a budget table or a letter is not one). */
const REQUIRED_FOR_FORM: readonly ColumnKey[] = ["level3"];
/** Blank rows after which the grid ends unless the next row names a category. */
const GRID_GAP = 3;
/** Columns the form needs; each missing one is reported. */
const NEEDED: readonly IndicatorField[] = [
  "level1", "level2", "level3", "valueType", "target", "unit", "explanation", "scoringStandard",
];

/**
 * Texts of a grid, computed once per row when first asked for. A view within columns [from, to) sees every
 * other cell as blank, so that forms laid side by side are each read on their own, at their own columns.
 */
class Texts {
  private readonly rows: Array<string[] | undefined> = [];
  constructor(
    private readonly grid: Grid,
    private readonly base: Texts | null = null,
    private readonly from = 0,
    private readonly to = Infinity,
  ) {}
  get height(): number {
    return this.grid.length;
  }
  within(from: number, to: number): Texts {
    return from <= 0 && to === Infinity ? this : new Texts(this.grid, this, from, to);
  }
  row(r: number): string[] {
    let t = this.rows[r];
    if (!t) {
      t = this.base ? this.base.row(r).map((text, c) => (c >= this.from && c < this.to ? text : "")) : (this.grid[r] ?? []).map(cellText);
      this.rows[r] = t;
    }
    return t;
  }
  at(r: number, c: number): string {
    return this.row(r)[c] ?? "";
  }
}

interface HeaderHit {
  /** The header row (the lower one of a two-row header). */
  row: number;
  /** The header's first row: row − 1 when a merged parent row sits above the labels. */
  top: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** 序号 / 编号 columns: their cells number the rows and belong to no field. */
  serial: ReadonlySet<number>;
  /** The columns [from, to) this form owns: all of them, unless another form sits beside it. */
  from: number;
  to: number;
}

interface HeaderColumns {
  columns: Partial<Record<ColumnKey, number>>;
  count: number;
}

function collect(keyAt: (c: number) => ColumnKey | null, from: number, to: number): HeaderColumns {
  const columns: Partial<Record<ColumnKey, number>> = {};
  let count = 0;
  for (let c = from; c < to; c++) {
    const key = keyAt(c);
    if (key && columns[key] === undefined) {
      columns[key] = c;
      count++;
    }
  }
  return { columns, count };
}

function isFormHeader({ columns, count }: HeaderColumns): boolean {
  return count >= 4 && REQUIRED_FOR_FORM.every((k) => columns[k] !== undefined) && (columns.level1 !== undefined || columns.level2 !== undefined);
}

const label = (text: string | undefined): string => (text !== undefined && text.length <= 14 ? text : "");

/** Column ranges [from, to) of a header row: a new one starts where a label comes again (a second form beside the first). */
function segments(keys: ReadonlyArray<ColumnKey | null>, row: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let seen = new Set<ColumnKey>();
  keys.forEach((k, c) => {
    if (k === null) return;
    if (seen.has(k) && row[c] !== row[c - 1]) {
      out.push([start, c]);
      start = c;
      seen = new Set();
    }
    seen.add(k);
  });
  out.push([start, Math.max(row.length, start + 1)]);
  return out;
}

const colsOf = (h: { columns: Partial<Record<ColumnKey, number>> }): number[] => Object.values(h.columns) as number[];

function findHeaderRows(texts: Texts): HeaderHit[] {
  const hits: HeaderHit[] = [];
  let above: string[] = [];
  let aboveHasKey = false;
  let aboveHits: HeaderHit[] = [];
  for (let r = 0; r < texts.height; r++) {
    const row = texts.row(r);
    const keys = row.map((t) => columnKeyOf(label(t)));
    const hasKey = keys.some((k) => k !== null);
    const found: HeaderHit[] = [];
    if (hasKey) {
      const upper = above;
      const width = Math.max(row.length, upper.length);
      const ownAt = (from: number, to: number) => collect((c) => keys[c] ?? null, from, to);
      const pairAt = (from: number, to: number) => collect((c) => columnKeyUnder(label(upper[c]), label(row[c])), from, to);
      const isFormAt = ([from, to]: [number, number]) => isFormHeader(ownAt(from, to)) || (aboveHasKey && isFormHeader(pairAt(from, to)));
      // A label that comes again starts a second form only when both sides read as forms (a header may
      // carry two names of one column, 备注 and 说明).
      const parts: Array<[number, number]> = [];
      for (const part of segments(keys, row)) {
        const last = parts[parts.length - 1];
        if (last && !(isFormAt(last) && isFormAt(part))) last[1] = part[1];
        else parts.push(part);
      }
      parts.forEach(([from, partTo], i) => {
        const to = i === parts.length - 1 ? width : partTo;
        const own = ownAt(from, to);
        let hit: HeaderHit | null = isFormHeader(own) ? { row: r, top: r, columns: own.columns, serial: new Set(), from: 0, to: Infinity } : null;
        // A two-row header: a merged parent ("绩效指标", "指标值") above, labels merged down both rows kept above.
        if (aboveHasKey) {
          const pair = pairAt(from, to);
          // Read together when the upper row adds labels, or when both rows read as headers on their own
          // (labels merged down both rows repeat in each, as .xlsx gives them): one header, not two forms.
          const upperHit = aboveHits.find((h) => colsOf(h).some((c) => c >= from && c < to));
          if (isFormHeader(pair) && (pair.count > own.count || upperHit)) {
            hit = { row: r, top: r - 1, columns: pair.columns, serial: new Set(), from: 0, to: Infinity };
            if (upperHit) hits.splice(hits.indexOf(upperHit), 1);
          }
        }
        if (hit) found.push(hit);
      });
    }
    // Forms side by side: each owns its columns up to the next one's (one column left of its labels, for a
    // level-1 slid into the label column).
    found.forEach((hit, i) => {
      const prev = found[i - 1];
      const next = found[i + 1];
      if (prev) hit.from = Math.max(Math.max(...colsOf(prev)) + 1, Math.min(...colsOf(hit)) - 1);
      if (next) hit.to = Math.max(Math.max(...colsOf(hit)) + 1, Math.min(...colsOf(next)) - 1);
      const serial = new Set<number>();
      for (const band of hit.top === r ? [row] : [above, row]) {
        band.forEach((t, c) => {
          if (c >= hit.from && c < hit.to && isSerialLabel(label(t))) serial.add(c);
        });
      }
      hit.serial = serial;
      hits.push(hit);
    });
    above = row;
    aboveHasKey = hasKey;
    aboveHits = found;
  }
  return hits;
}

const TITLE_RE = /绩效目标.{0,6}表/;

/** Whether a text is a label of the part above the grid (or the grid's header), not a value typed under one. */
function isLabelText(t: string): boolean {
  return (
    t === GRID_LABEL ||
    headerFieldOf(t) !== null ||
    headerFieldInline(t) !== null ||
    isYearLabel(t) ||
    yearLineOf(t) !== null ||
    columnKeyOf(label(t)) !== null ||
    TITLE_RE.test(t) ||
    isSignoffStart(t)
  );
}

/** A row of a form's top part: it starts with the title, the year line or a header field. */
function isPreambleRow(texts: Texts, r: number): boolean {
  const first = texts.row(r).find((t) => t !== "");
  if (first === undefined) return false;
  return TITLE_RE.test(first) || yearLineOf(first) !== null || isYearLabel(first) || headerFieldOf(first) !== null || headerFieldInline(first) !== null;
}

function yearFrom(text: string): number | null {
  const digits = toHalfWidth(text).replace(/\s+/g, "");
  const m = /^(\d{4})$/.exec(digits) ?? /(?:^|[^\d])(\d{4})\s*年/.exec(digits) ?? /^(\d{4})年/.exec(digits);
  return m && m[1] !== undefined ? Number(m[1]) : null;
}

function emptyField(): FieldValue {
  return { text: "", cell: null };
}

/**
 * The value of a label at (r, c): the next text to its right (skipping blanks and the label repeated over a
 * merged area) unless that is another label; otherwise the text under it (labels side by side, values below).
 */
function valueOf(texts: Texts, r: number, c: number, to: number, labelText: string): FieldValue | null {
  const row = texts.row(r);
  for (let v = c + 1; v < row.length; v++) {
    const t = row[v] ?? "";
    if (t === "" || t === labelText) continue;
    if (isLabelText(t)) break;
    return { text: t, cell: { row: r, col: v } };
  }
  if (r + 1 < to) {
    const t = texts.at(r + 1, c);
    if (t !== "" && t !== labelText && !isLabelText(t)) return { text: t, cell: { row: r + 1, col: c } };
  }
  return null;
}

function readPreamble(texts: Texts, from: number, to: number) {
  const header: Record<HeaderField, FieldValue> = { deptName: emptyField(), duties: emptyField(), goals: emptyField() };
  let title: FieldValue = emptyField();
  let year: Form["year"] = { value: null, text: "", cell: null };
  let yearFromLine = false;
  // First occurrence wins: a merged area repeats its text in every cell, and its top-left cell is the one to point at.
  const setHeader = (field: HeaderField, value: FieldValue) => {
    if (header[field].cell === null || (header[field].text === "" && value.text !== "")) header[field] = value;
  };
  for (let r = from; r < to; r++) {
    const row = texts.row(r);
    row.forEach((text, c) => {
      if (text === "") return;
      const yearText = yearLineOf(text);
      if (yearText !== null) {
        if (!yearFromLine) year = { value: yearFrom(yearText), text, cell: { row: r, col: c } };
        yearFromLine = true;
        return;
      }
      if (isYearLabel(text)) {
        const v = valueOf(texts, r, c, to, text);
        if (!yearFromLine && v) year = { value: yearFrom(v.text), text: v.text, cell: v.cell };
        if (v) yearFromLine = true;
        return;
      }
      if (TITLE_RE.test(text)) {
        if (title.cell === null) title = { text, cell: { row: r, col: c } };
        if (year.cell === null && /\d{4}\s*年/.test(toHalfWidth(text))) year = { value: yearFrom(text), text, cell: { row: r, col: c } };
        return;
      }
      const field = headerFieldOf(text);
      if (field) {
        if (header[field].text !== "") return;
        setHeader(field, valueOf(texts, r, c, to, text) ?? { text: "", cell: { row: r, col: c + 1 } });
        return;
      }
      const inline = headerFieldInline(text);
      if (inline) {
        if (inline.value !== "") setHeader(inline.field, { text: inline.value, cell: { row: r, col: c } });
        else if (header[inline.field].text === "") setHeader(inline.field, valueOf(texts, r, c, to, text) ?? { text: "", cell: { row: r, col: c } });
      }
    });
  }
  return { header, title, year };
}

/** A note or instruction line under the grid ("注：…", "填表说明：", "1. …"): neither indicators nor sign-off. */
function isNoteText(text: string): boolean {
  return isInstruction(text) || /^[（(]?[\d一二三四五六七八九十]{1,2}[)）.、．]/.test(toHalfWidth(text));
}

function readSignoff(texts: Texts, from: number, to: number): { signoff: Record<SignoffField, FieldValue>; last: number } {
  const signoff = Object.fromEntries(SIGNOFF_FIELDS.map((f) => [f, emptyField()])) as Record<SignoffField, FieldValue>;
  let last = from - 1;
  let blanks = 0;
  for (let r = from; r < to; r++) {
    const row = texts.row(r);
    let found = false;
    let pending: { field: SignoffField; cell: CellRef } | null = null;
    row.forEach((raw, c) => {
      if (raw === "") return;
      const text = stripTags(raw).replace(/\s+/g, " ").trim();
      const pairs = signoffPairs(text);
      if (pairs.length === 0) {
        if (pending && signoff[pending.field].text === "") signoff[pending.field] = { text, cell: { row: r, col: c } };
        pending = null;
        return;
      }
      found = true;
      pending = null;
      for (const p of pairs) {
        const cur = signoff[p.field];
        if (cur.cell === null || (cur.text === "" && p.value !== "")) signoff[p.field] = { text: p.value, cell: { row: r, col: c } };
      }
      const lastPair = pairs[pairs.length - 1];
      if (lastPair && lastPair.value === "") pending = { field: lastPair.field, cell: { row: r, col: c } };
    });
    const first = row.find((t) => t !== "");
    if (found) {
      last = r;
      blanks = 0;
    } else if (first === undefined) {
      if (++blanks > 2) break;
    } else if (!isNoteText(first)) break;
  }
  return { signoff, last };
}

/** A line holding only a table's title ("2027年部门预算支出表", "单位：万元"), once or repeated over a merge. */
function isTableTitleRow(row: readonly string[]): boolean {
  const texts = new Set(row.filter((t) => t !== ""));
  if (texts.size !== 1) return false;
  const [t = ""] = texts;
  return /表\s*([（(][^）)]*[）)])?$|^单位\s*[：:]/.test(t) && !isLevel1(t) && !isLevel2(t);
}

function readIndicatorRows(texts: Texts, hit: HeaderHit, from: number, to: number) {
  const fields = INDICATOR_FIELDS.flatMap((field) => {
    const col = hit.columns[field];
    return col === undefined ? [] : [{ field, col }];
  }).sort((a, b) => a.col - b.col);
  const headerCols = Object.values(hit.columns) as number[];
  const spanFrom = Math.max(0, Math.min(...headerCols) - 1);
  const spanTo = Math.max(...headerCols) + 1;
  const pointsCol = hit.columns.points;
  const fieldCols = new Set(fields.map((f) => f.col));
  // Columns merged into the one on their left (a wide 三级指标 over two cells): the header label repeats there.
  const headerTexts = texts.row(hit.row);
  const widened = new Set<number>();
  for (let c = spanFrom + 1; c <= spanTo; c++) {
    const t = headerTexts[c] ?? "";
    if (!fieldCols.has(c) && t !== "" && t === headerTexts[c - 1] && (fieldCols.has(c - 1) || widened.has(c - 1))) widened.add(c);
  }

  const rows: IndicatorRow[] = [];
  const notes: ReaderNote[] = [];
  let level1 = "";
  let level2 = "";
  let end = from;
  let lastUsed = hit.row;
  let blankRun = 0;
  for (let r = from; r < to; r++) {
    const row = texts.row(r);
    const firstText = row.find((t) => t !== "") ?? "";
    if (firstText !== "" && (isSignoffStart(firstText) || isInstruction(firstText))) break;
    if (firstText === "") {
      blankRun++;
      end = r + 1;
      continue;
    }
    // After several blank rows, a table's title line starts another table on the sheet, not more of this grid
    // (rows typed into blank rows added at the grid's end are still the grid's).
    if (blankRun >= GRID_GAP && isTableTitleRow(row)) {
      end = r - blankRun;
      break;
    }
    blankRun = 0;
    end = r + 1;

    const cells: RowCell[] = [];
    for (let c = spanFrom; c <= spanTo && c < row.length; c++) {
      const text = row[c] ?? "";
      if (text === "" || c === pointsCol) continue;
      if (text === GRID_LABEL && !fieldCols.has(c)) continue; // merged 绩效指标 label
      if (hit.serial.has(c) && isSerialValue(text)) continue;
      if (widened.has(c) && text === (row[c - 1] ?? "")) continue; // the same merged cell, repeated
      cells.push({ col: c, text });
    }
    // A totals row (合计 | 90), however far its label is merged: not an indicator, nothing to count twice.
    if (cells[0] && isTotalsLabel(cells[0].text)) continue;
    for (let c = spanTo + 1; c < row.length; c++) {
      if ((row[c] ?? "") !== "") notes.push({ kind: "unplaced", cell: { row: r, col: c }, text: row[c] ?? "" });
    }
    if (cells.length === 0) continue;

    const alignment = alignRow(cells, fields);
    const values = {} as Record<IndicatorField, string>;
    const cols = {} as Record<IndicatorField, number>;
    for (const field of INDICATOR_FIELDS) {
      const i = alignment.assigned[field];
      const own = hit.columns[field] ?? -1;
      values[field] = i === undefined ? "" : (cells[i]?.text ?? "");
      cols[field] = i === undefined ? own : (cells[i]?.col ?? own);
    }
    for (const i of alignment.unplaced) {
      const c = cells[i];
      if (c) notes.push({ kind: "unplaced", cell: { row: r, col: c.col }, text: c.text });
    }

    const ownLevel1 = values.level1.replace(/\s+/g, "");
    const ownLevel2 = values.level2.replace(/\s+/g, "");
    const level1Inherited = ownLevel1 === "";
    const level2Inherited = ownLevel2 === "" && level1Inherited;
    if (!level1Inherited) level1 = ownLevel1;
    level2 = ownLevel2 !== "" ? ownLevel2 : level2Inherited ? level2 : "";

    const used = (["level3", "valueType", "target", "unit", "explanation", "scoringStandard", "remarks"] as const).some(
      (f) => values[f] !== "",
    );
    if (!used) continue;
    lastUsed = r;
    const pointsText = pointsCol === undefined ? "" : (row[pointsCol] ?? "");
    rows.push({
      row: r,
      values,
      cols,
      level1,
      level2,
      level1Inherited,
      level2Inherited,
      points: pointsText === "" ? null : parseNumber(pointsText.replace(/\s*(分|%|％)$/, "")),
      realignment: alignment.moved
        ? {
            original: cells.map((c) => ({ col: c.col, text: c.text })),
            moved: fields.flatMap((f) => {
              const i = alignment.assigned[f.field];
              const cell = i === undefined ? undefined : cells[i];
              return cell && cell.col !== f.col ? [{ field: f.field, fromCol: cell.col, toCol: f.col }] : [];
            }),
          }
        : null,
      targetSplit: splitTarget(values.target),
    });
  }
  return { rows, notes, end, lastUsed };
}

/** Every form found in a grid, in order from the top. */
export function readForms(grid: Grid): Form[] {
  const all = new Texts(grid);
  const hits = findHeaderRows(all);
  const overlaps = (a: HeaderHit, b: HeaderHit): boolean => a.from < b.to && b.from < a.to;
  const ends = new Map<HeaderHit, number>();
  return hits.map((hit, i) => {
    const texts = all.within(hit.from, hit.to);
    // The next form below in the same columns: its preamble ends this form's body.
    const next = hits.slice(i + 1).find((h) => h.row > hit.row && overlaps(h, hit));
    let stop = next ? next.top : texts.height;
    if (next) {
      let p = next.top - 1;
      while (p > hit.row && (isPreambleRow(texts, p) || texts.row(p).every((t) => t === ""))) p--;
      stop = p + 1;
    }
    // The form above in the same columns ends where this one's preamble starts.
    let boundary = 0;
    for (const [h, end] of ends) if (overlaps(h, hit) && h.row < hit.row) boundary = Math.max(boundary, end);
    const preamble = readPreamble(texts, boundary, hit.top);
    const body = readIndicatorRows(texts, hit, hit.row + 1, stop);
    const { signoff, last } = readSignoff(texts, body.end, stop);
    ends.set(hit, Math.max(body.end, last + 1));
    return {
      headerRow: hit.row,
      firstRow: hit.row + 1,
      lastRow: Math.max(hit.row, body.lastUsed),
      columns: hit.columns,
      missingColumns: NEEDED.filter((k) => hit.columns[k] === undefined),
      title: preamble.title,
      year: preamble.year,
      header: preamble.header,
      rows: body.rows,
      signoff,
      notes: body.notes,
    };
  });
}
