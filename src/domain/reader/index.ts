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
import { parseNumber, stripTags, toHalfWidth } from "../text";
import { alignRow, splitTarget, type RowCell } from "./align";
import { columnKeyOf, headerFieldInline, headerFieldOf, isInstruction, isSignoffStart, signoffPairs } from "./labels";

export { splitTarget } from "./align";

/** Columns without which a table is not a form at all (a budget table or a letter is not one). */
const REQUIRED_FOR_FORM: readonly ColumnKey[] = ["level3"];
/** Columns the form needs; each missing one is reported. */
const NEEDED: readonly IndicatorField[] = [
  "level1", "level2", "level3", "valueType", "target", "unit", "explanation", "scoringStandard",
];

/** Texts of a grid, computed once per row when first asked for. */
class Texts {
  private readonly rows: Array<string[] | undefined> = [];
  constructor(private readonly grid: Grid) {}
  get height(): number {
    return this.grid.length;
  }
  row(r: number): string[] {
    let t = this.rows[r];
    if (!t) {
      t = (this.grid[r] ?? []).map(cellText);
      this.rows[r] = t;
    }
    return t;
  }
  at(r: number, c: number): string {
    return this.row(r)[c] ?? "";
  }
}

interface HeaderHit {
  row: number;
  columns: Partial<Record<ColumnKey, number>>;
}

function findHeaderRows(texts: Texts): HeaderHit[] {
  const hits: HeaderHit[] = [];
  for (let r = 0; r < texts.height; r++) {
    const row = texts.row(r);
    if (row.length < 3) continue;
    const columns: Partial<Record<ColumnKey, number>> = {};
    let count = 0;
    row.forEach((text, c) => {
      if (text.length > 14) return;
      const key = columnKeyOf(text);
      if (key && columns[key] === undefined) {
        columns[key] = c;
        count++;
      }
    });
    const isForm =
      count >= 4 &&
      REQUIRED_FOR_FORM.every((k) => columns[k] !== undefined) &&
      (columns.level1 !== undefined || columns.level2 !== undefined);
    if (isForm) hits.push({ row: r, columns });
  }
  return hits;
}

const YEAR_LINE_RE = /^[（(]\s*(.*?)\s*[）)]\s*年度?$/;

function isPreambleRow(texts: Texts, r: number): boolean {
  return texts.row(r).some(
    (t) => t !== "" && (t.includes("绩效目标表") || YEAR_LINE_RE.test(t) || headerFieldOf(t) !== null || headerFieldInline(t) !== null),
  );
}

function yearFrom(text: string): number | null {
  const digits = toHalfWidth(text).replace(/\s+/g, "");
  const m = /^(\d{4})$/.exec(digits) ?? /(?:^|[^\d])(\d{4})\s*年/.exec(digits);
  return m && m[1] !== undefined ? Number(m[1]) : null;
}

function emptyField(): FieldValue {
  return { text: "", cell: null };
}

function readPreamble(texts: Texts, from: number, to: number) {
  const header: Record<HeaderField, FieldValue> = { deptName: emptyField(), duties: emptyField(), goals: emptyField() };
  let title: FieldValue = emptyField();
  let year: Form["year"] = { value: null, text: "", cell: null };
  for (let r = from; r < to; r++) {
    const row = texts.row(r);
    row.forEach((text, c) => {
      if (text === "") return;
      const yl = YEAR_LINE_RE.exec(text);
      if (yl && yl[1] !== undefined) {
        year = { value: yearFrom(yl[1]), text, cell: { row: r, col: c } };
        return;
      }
      if (text.includes("绩效目标表") && title.cell === null) {
        title = { text, cell: { row: r, col: c } };
        if (year.cell === null && /\d{4}\s*年/.test(toHalfWidth(text))) year = { value: yearFrom(text), text, cell: { row: r, col: c } };
        return;
      }
      const field = headerFieldOf(text);
      if (field) {
        let valueCol = c + 1;
        while (valueCol < row.length && row[valueCol] === "") valueCol++;
        header[field] = valueCol < row.length
          ? { text: row[valueCol] ?? "", cell: { row: r, col: valueCol } }
          : { text: "", cell: { row: r, col: c + 1 } };
        return;
      }
      const inline = headerFieldInline(text);
      if (inline) header[inline.field] = { text: inline.value, cell: { row: r, col: c } };
    });
  }
  return { header, title, year };
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
    if (found) {
      last = r;
      blanks = 0;
    } else if (row.every((t) => t === "")) {
      if (++blanks > 2) break;
    } else break;
  }
  return { signoff, last };
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

  const rows: IndicatorRow[] = [];
  const notes: ReaderNote[] = [];
  let level1 = "";
  let level2 = "";
  let end = from;
  let lastUsed = hit.row;
  for (let r = from; r < to; r++) {
    const row = texts.row(r);
    const firstText = row.find((t) => t !== "") ?? "";
    if (firstText !== "" && (isSignoffStart(firstText) || isInstruction(firstText))) break;
    end = r + 1;
    if (firstText === "") continue;
    if (/^(合计|小计|总计|总分)$/.test(firstText.replace(/\s+/g, ""))) continue;

    const cells: RowCell[] = [];
    for (let c = spanFrom; c <= spanTo && c < row.length; c++) {
      const text = row[c] ?? "";
      if (text === "" || c === pointsCol) continue;
      if (text === GRID_LABEL && !fields.some((f) => f.col === c)) continue; // merged 绩效指标 label
      cells.push({ col: c, text });
    }
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
      points: pointsText === "" ? null : parseNumber(pointsText.replace(/分$/, "")),
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
  const texts = new Texts(grid);
  const hits = findHeaderRows(texts);
  const forms: Form[] = [];
  let boundary = 0;
  hits.forEach((hit, i) => {
    const next = hits[i + 1];
    // The next form's preamble ends this form's body.
    let stop = next ? next.row : texts.height;
    if (next) {
      let p = next.row - 1;
      while (p > hit.row && (isPreambleRow(texts, p) || texts.row(p).every((t) => t === ""))) p--;
      stop = p + 1;
    }
    const preamble = readPreamble(texts, boundary, hit.row);
    const body = readIndicatorRows(texts, hit, hit.row + 1, stop);
    const { signoff, last } = readSignoff(texts, body.end, stop);
    forms.push({
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
    });
    boundary = Math.max(body.end, last + 1);
  });
  return forms;
}

