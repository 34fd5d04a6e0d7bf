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
import { normalizeLabel, parseNumber, stripTags, toHalfWidth } from "../text";
import { alignRow, classify, fieldIndexByColumn, splitTarget, type CellClass, type RowCell } from "./align";
import { isOutdatedLevel2, outdatedOf } from "./framework";
import { formKindOf, isFormHeader, NEEDED_COLUMNS_OF_KIND, type HeaderColumns } from "./kind";
import { comparisonColumns } from "./roles";
import {
  COMPARISON_LIKE_LABELS,
  columnKeyOf,
  columnKeyUnder,
  headerFieldInline,
  headerFieldOf,
  isInstruction,
  isOtherColumnLabel,
  isRegionLabel,
  isRegionParentLabel,
  isSubLabel,
  isSerialLabel,
  isSerialValue,
  isSignoffStart,
  isTotalsLabel,
  isApprovalLine,
  isYearLabel,
  periodOf,
  splitLevelWeight,
  signoffPairs,
  yearLineOf,
} from "./labels";

export { splitTarget } from "./align";

/** Fields whose content makes a row an indicator (the level cells alone only continue a block). */
const CONTENT_FIELDS = ["level3", "valueType", "target", "unit", "explanation", "scoringStandard", "remarks"] as const;

/** Blank rows after which the grid ends unless the next row names a category. */
const GRID_GAP = 3;

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
  /** Columns read as belonging to no field: 中长期 columns of a wide table, a 正向/反向 direction column. */
  ignored: ReadonlySet<number>;
  /** Self-evaluation columns (实际完成值, 得分…) by their label, for the self-evaluation reader. */
  others: ReadonlyArray<{ label: string; col: number }>;
  /** The columns [from, to) this form owns: all of them, unless another form sits beside it. */
  from: number;
  to: number;
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

const NO_COLUMNS: ReadonlySet<number> = new Set();
const NO_KEYS: Array<ColumnKey | null> = [];

/**
 * Columns of a header row that are for the project's longer period: labelled so themselves ("中长期指标值"), or
 * under an upper label that is ("中长期指标" merged over 三级指标 and 指标值; in a CSV only its first cell keeps it).
 */
function longerColumns(upper: readonly string[], row: readonly string[]): ReadonlySet<number> {
  let out: Set<number> | null = null;
  const add = (c: number) => (out ??= new Set()).add(c);
  row.forEach((t, c) => {
    if (t !== "" && t.length <= 16 && periodOf(t) === "longer") add(c);
  });
  if (upper.some((t) => t !== "" && t.length <= 16 && periodOf(t) === "longer")) {
    let band: "annual" | "longer" | null = null;
    for (let c = 0; c < Math.max(upper.length, row.length); c++) {
      const t = upper[c] ?? "";
      if (t !== "") band = t.length <= 16 ? periodOf(t) : null;
      if (band === "longer") add(c);
    }
  }
  return out ?? NO_COLUMNS;
}

/**
 * A wide table whose header repeats 二级指标, 三级指标 and 指标值 under its one 一级指标 without naming the periods:
 * the earlier set is the longer period's, the later the year's (中长期 is printed left of 年度). The earlier set's
 * columns whose labels come again are returned, to be left unread as labelled 中长期 columns are.
 */
function unlabelledLongerSet(keys: ReadonlyArray<ColumnKey | null>): ReadonlySet<number> {
  const set: ColumnKey[] = ["level2", "level3", "target"];
  if (keys.filter((k) => k === "level1").length !== 1) return NO_COLUMNS;
  if (set.some((k) => keys.indexOf(k) < 0 || keys.indexOf(k) === keys.lastIndexOf(k))) return NO_COLUMNS;
  const second = Math.min(...set.map((k) => keys.lastIndexOf(k)));
  if (set.some((k) => keys.indexOf(k) >= second) || keys.indexOf("level1") >= keys.indexOf("level2")) return NO_COLUMNS;
  const again = new Set(keys.slice(second));
  const out = new Set<number>();
  keys.forEach((k, c) => {
    if (c < second && k !== null && k !== "level1" && again.has(k)) out.add(c);
  });
  return out;
}

const colsOf = (h: { columns: Partial<Record<ColumnKey, number>> }): number[] => Object.values(h.columns) as number[];

/**
 * The region columns right of a header's labelled columns: a run of place names in the header row itself, or the
 * labels in the row below a "区域目标值" parent (then that row is the header's lower row).
 */
function regionColumns(texts: Texts, r: number, hit: HeaderHit, skip: ReadonlySet<number>): { cols: number[]; lower: boolean } {
  const row = texts.row(r);
  const first = Math.max(...colsOf(hit)) + 1;
  const end = Math.min(hit.to, row.length);
  const run = (line: readonly string[], from: number, ok: (t: string) => boolean): number[] => {
    const out: number[] = [];
    for (let c = from; c < Math.min(hit.to, line.length); c++) {
      const t = line[c] ?? "";
      if (t === "" || skip.has(c) || hit.serial.has(c) || !ok(t)) break;
      out.push(c);
    }
    return out;
  };
  for (let c = first; c < end; c++) {
    const t = row[c] ?? "";
    if (t === "" || skip.has(c)) continue;
    if (isRegionLabel(t)) return { cols: run(row, c, isRegionLabel), lower: false };
    if (isRegionParentLabel(t)) return { cols: run(texts.row(r + 1), c, (x) => x.length <= 16), lower: true };
    break;
  }
  return { cols: [], lower: false };
}

function findHeaderRows(texts: Texts): HeaderHit[] {
  const hits: HeaderHit[] = [];
  const columnKeyOfLabel = (t: string): ColumnKey | null => columnKeyOf(label(t));
  let above: string[] = [];
  let aboveHasKey = false;
  let aboveHits: HeaderHit[] = [];
  for (let r = 0; r < texts.height; r++) {
    const row = texts.row(r);
    let hasKey = false;
    for (const t of row) if (columnKeyOfLabel(t) !== null) (hasKey = true);
    const keys = hasKey ? row.map(columnKeyOfLabel) : NO_KEYS;
    const found: HeaderHit[] = [];
    let longer: ReadonlySet<number> = NO_COLUMNS;
    if (hasKey) {
      const upper = above;
      // Wide tables print the project's 中长期 indicators beside this year's: only the 年度 columns are the targets.
      longer = longerColumns(upper, row);
      if (longer.size === 0) longer = unlabelledLongerSet(keys);
      for (const c of longer) keys[c] = null;
      const width = Math.max(row.length, upper.length);
      const ownAt = (from: number, to: number) => collect((c) => keys[c] ?? null, from, to);
      const pairAt = (from: number, to: number) =>
        collect((c) => (longer.has(c) ? null : columnKeyUnder(label(upper[c]), label(row[c]))), from, to);
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
        let hit: HeaderHit | null = isFormHeader(own) ? { row: r, top: r, columns: own.columns, serial: new Set(), ignored: new Set(), others: [], from: 0, to: Infinity } : null;
        // A two-row header: a merged parent ("绩效指标", "指标值") above, labels merged down both rows kept above.
        if (aboveHasKey) {
          const pair = pairAt(from, to);
          // Read together when the upper row adds labels, or when both rows read as headers on their own
          // (labels merged down both rows repeat in each, as .xlsx gives them): one header, not two forms.
          const upperHit = aboveHits.find((h) => colsOf(h).some((c) => c >= from && c < to));
          if (isFormHeader(pair) && (pair.count > own.count || upperHit)) {
            hit = { row: r, top: r - 1, columns: pair.columns, serial: new Set(), ignored: new Set(), others: [], from: 0, to: Infinity };
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
      const ignored = new Set([...longer].filter((c) => c >= hit.from && c < hit.to));
      const others: Array<{ label: string; col: number }> = [];
      for (const band of hit.top === r ? [row] : [above, row]) {
        band.forEach((t, c) => {
          if (c >= hit.from && c < hit.to && isOtherColumnLabel(t) && !colsOf(hit).includes(c) && !ignored.has(c)) {
            ignored.add(c);
            others.push({ label: t, col: c });
          }
        });
      }
      // A 区域绩效目标表 prints one target column per region instead of 指标值: the first region's is read as the
      // target, the others are left unchecked (not unplaced).
      if (hit.columns.target === undefined) {
        const regions = regionColumns(texts, r, hit, ignored);
        if (regions.cols[0] !== undefined) {
          hit.columns = { ...hit.columns, target: regions.cols[0] };
          if (regions.lower) hit.row = r + 1;
        }
        for (const c of regions.cols.slice(1)) ignored.add(c);
      }
      hit.ignored = ignored;
      hit.others = others;
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
    periodOf(t) !== null ||
    isSubLabel(t) ||
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
  const digits = toHalfWidth(text).replace(/\s/g, "");
  const m = /^(\d{4})$/.exec(digits) ?? /(?:^|[^\d])(\d{4})年/.exec(digits);
  return m ? Number(m[1]) : null;
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

/**
 * A field laid out as a small table under its label ("年度主要任务 | 任务名称 | 主要内容 | 金额", one task a row, the
 * label merged down): the rows' texts, joined. Null when there are none.
 */
function subTableOf(texts: Texts, r: number, c: number, to: number): FieldValue | null {
  const parts: string[] = [];
  let cell: CellRef | null = null;
  for (let k = r + 1; k < to && texts.at(k, c) === ""; k++) {
    texts.row(k).forEach((t, col) => {
      if (t === "" || col <= c || parseNumber(t) !== null || isLabelText(t)) return;
      parts.push(t);
      cell ??= { row: k, col };
    });
  }
  return cell ? { text: parts.join("；"), cell } : null;
}

function readPreamble(texts: Texts, from: number, to: number) {
  const header: Record<HeaderField, FieldValue> = { deptName: emptyField(), duties: emptyField(), goals: emptyField() };
  let title: FieldValue = emptyField();
  let year: Form["year"] = { value: null, text: "", cell: null };
  let yearFromLine = false;
  let goalsFromSubTable = false;
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
        // Goals gathered from a sub-table give way to a goals field of their own further on.
        if (header[field].text !== "" && !(field === "goals" && goalsFromSubTable)) return;
        const own = valueOf(texts, r, c, to, text);
        if (field === "goals" && goalsFromSubTable) {
          if (own) (header.goals = own), (goalsFromSubTable = false);
          return;
        }
        const sub = own === null && field === "goals" ? subTableOf(texts, r, c, to) : null;
        if (sub) goalsFromSubTable = true;
        setHeader(field, own ?? sub ?? { text: "", cell: { row: r, col: c + 1 } });
        return;
      }
      // A label with a colon and nothing after it is a header field label (above), so an inline value is never blank here.
      const inline = headerFieldInline(text);
      if (inline) setHeader(inline.field, { text: inline.value, cell: { row: r, col: c } });
    });
  }
  return { header, title, year };
}

/** A note or instruction line under the grid ("注：…", "填表说明：", "1. …"): neither indicators nor sign-off. */
function isNoteText(text: string): boolean {
  return isInstruction(text) || /^[（(]?[\d一二三四五六七八九十]{1,2}[)）.、．]/.test(toHalfWidth(text));
}

function readSignoff(
  texts: Texts,
  from: number,
  to: number,
): { signoff: Record<SignoffField, FieldValue>; last: number; lines: Array<{ text: string; cell: CellRef }> } {
  const signoff = Object.fromEntries(SIGNOFF_FIELDS.map((f) => [f, emptyField()])) as Record<SignoffField, FieldValue>;
  const lines: Array<{ text: string; cell: CellRef }> = [];
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
    const firstCol = row.findIndex((t) => t !== "");
    const first = firstCol < 0 ? undefined : row[firstCol];
    if (found) {
      last = r;
      blanks = 0;
    } else if (first === undefined) {
      if (++blanks > 2) break;
    } else if (isNoteText(first) || isApprovalLine(first)) {
      lines.push({ text: first, cell: { row: r, col: firstCol } });
      if (isApprovalLine(first)) last = r;
    } else break;
  }
  return { signoff, last, lines };
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
  // Columns inside the grid under a label the reader does not know (资金来源…): read as no field, and said once,
  // at their header cell, instead of realigning every row around them or reporting each of their cells.
  const foreign = new Map<number, { label: string; used: boolean }>();
  for (let c = spanFrom + 1; c < spanTo - 1; c++) {
    if (fieldCols.has(c) || widened.has(c) || c === pointsCol || hit.serial.has(c) || hit.ignored.has(c)) continue;
    const t = label(headerTexts[c] || (hit.top < hit.row ? texts.at(hit.top, c) : ""));
    if (t !== "" && t !== GRID_LABEL && !isSerialLabel(t)) foreign.set(c, { label: t, used: false });
  }

  const rows: IndicatorRow[] = [];
  const notes: ReaderNote[] = [];
  // Texts repeat down a column (units, value types, boilerplate): classify each once per read.
  const colToField = fieldIndexByColumn(fields);
  const classes = new Map<string, CellClass>();
  const classOf = (text: string): CellClass => {
    let c = classes.get(text);
    if (c === undefined) classes.set(text, (c = classify(text)));
    return c;
  };
  let level1 = "";
  let level2 = "";
  let blockPoints: number | null = null;
  let end = from;
  let lastUsed = hit.row;
  let blankRun = 0;
  for (let r = from; r < to; r++) {
    const row = texts.row(r);
    const firstText = row.find((t) => t !== "") ?? "";
    if (firstText !== "" && (isSignoffStart(firstText) || isInstruction(firstText) || isApprovalLine(firstText))) break;
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
      if (text === "" || c === pointsCol || isEllipsis(text)) continue;
      if (text === GRID_LABEL && !fieldCols.has(c)) continue; // merged 绩效指标 label
      if (hit.serial.has(c) && isSerialValue(text)) continue;
      if (hit.ignored.has(c)) continue;
      const other = foreign.get(c);
      if (other) {
        other.used = true;
        continue;
      }
      if (widened.has(c) && text === (row[c - 1] ?? "")) continue; // the same merged cell, repeated
      cells.push({ col: c, text });
    }
    // A totals row (合计 | 90), however far its label is merged: not an indicator, nothing to count twice.
    if (cells[0] && isTotalsLabel(cells[0].text)) continue;
    for (let c = spanTo + 1; c < row.length; c++) {
      if ((row[c] ?? "") !== "" && !hit.ignored.has(c)) notes.push({ kind: "unplaced", cell: { row: r, col: c }, text: row[c] ?? "" });
    }
    if (cells.length === 0) continue;

    // Printed weights in level cells ("产出指标(50分)"): the name is the category, the number the block's weight.
    let level1Points: number | null = null;
    for (const cell of cells) {
      if (cell.text.length > 24 || !cell.text.includes("指标")) continue;
      const w = splitLevelWeight(cell.text);
      if (!w || !(isLevel1(w.name) || isLevel2(w.name) || isOutdatedLevel2(w.name))) continue;
      if (cell.col === hit.columns.level1 || isLevel1(w.name)) level1Points = w.points;
      cell.text = w.name;
    }
    // The framework before 2021 (成本指标 under 产出指标…): the name sits in the level-2 column on purpose.
    const ownLevel1Cell = cells.find((c) => c.col === hit.columns.level1)?.text.replace(/\s/g, "") ?? "";
    const level2Index = cells.findIndex((c) => c.col === hit.columns.level2);
    const asLevel2 =
      level2Index >= 0 && outdatedOf(ownLevel1Cell || level1, cells[level2Index]?.text ?? "") !== null ? level2Index : -1;
    const alignment = alignRow(cells, fields, asLevel2, classOf, colToField);
    const values = {} as Record<IndicatorField, string>;
    const cols = {} as Record<IndicatorField, number>;
    for (const field of INDICATOR_FIELDS) {
      const i = alignment.assigned[field];
      const own = hit.columns[field] ?? -1;
      values[field] = i === undefined ? "" : (cells[i]?.text ?? "");
      cols[field] = i === undefined ? own : (cells[i]?.col ?? own);
    }
    // A row slid sideways takes its points along: a lone number next to a blank points cell is the points.
    let pointsText = pointsCol === undefined ? "" : (row[pointsCol] ?? "");
    for (const i of alignment.unplaced) {
      const c = cells[i];
      if (!c) continue;
      if (pointsCol !== undefined && pointsText === "" && Math.abs(c.col - pointsCol) === 1 && parseNumber(c.text) !== null) {
        pointsText = c.text;
        continue;
      }
      notes.push({ kind: "unplaced", cell: { row: r, col: c.col }, text: c.text });
    }

    const ownLevel1 = values.level1.replace(/\s/g, "");
    const ownLevel2 = values.level2.replace(/\s/g, "");
    const level1Inherited = ownLevel1 === "";
    const level2Inherited = ownLevel2 === "" && level1Inherited;
    if (!level1Inherited) level1 = ownLevel1;
    level2 = ownLevel2 !== "" ? ownLevel2 : level2Inherited ? level2 : "";
    if (!level1Inherited) blockPoints = level1Points;

    const used = CONTENT_FIELDS.some((f) => values[f] !== "");
    if (!used) continue;
    lastUsed = r;
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
      outdated: outdatedOf(level1, level2),
      level1Points: blockPoints,
    });
  }
  for (const [col, { label: text, used }] of foreign) if (used) notes.push({ kind: "unplaced", cell: { row: hit.row, col }, text });
  return { rows, notes, end, lastUsed };
}

/** Header-row cells naming a header field (单位名称, 年度目标…) in a column no indicator field holds. */
function headerFieldColumns(texts: Texts, hit: HeaderHit): Array<{ field: HeaderField; col: number }> {
  const taken = new Set(colsOf(hit));
  const row = texts.row(hit.row);
  const out: Array<{ field: HeaderField; col: number }> = [];
  for (let c = Math.max(0, hit.from); c < Math.min(row.length, hit.to); c++) {
    if (taken.has(c) || hit.ignored.has(c)) continue;
    const field = headerFieldOf(label(row[c]));
    if (field && !out.some((f) => f.field === field)) out.push({ field, col: c });
  }
  return out;
}

/** The first text in a column among rows [from, to), with its cell. */
function firstBelow(texts: Texts, col: number, from: number, to: number): FieldValue | null {
  for (let r = from; r < to; r++) {
    const t = texts.at(r, col);
    if (t !== "") return { text: t, cell: { row: r, col } };
  }
  return null;
}

/** Columns labelled like 指标值类型 (指标性质, 指标方向…) in a header: which one holds the comparison is decided by contents. */
function comparisonCandidates(texts: Texts, hit: HeaderHit): number[] {
  const out: number[] = [];
  const assigned = new Set(Object.entries(hit.columns).filter(([k]) => k !== "valueType").map(([, c]) => c));
  const bands = hit.top === hit.row ? [texts.row(hit.row)] : [texts.row(hit.top), texts.row(hit.row)];
  const width = Math.max(...bands.map((b) => b.length));
  for (let c = Math.max(0, hit.from); c < Math.min(width, hit.to); c++) {
    if (assigned.has(c) || hit.ignored.has(c)) continue;
    if (bands.some((b) => COMPARISON_LIKE_LABELS.has(normalizeLabel(label(b[c]))))) out.push(c);
  }
  return out;
}

/** Whether most targets that hold a number carry a comparison / a unit of their own ("≥95%", "1200人次"). */
function targetCarries(rows: readonly IndicatorRow[]): { comparison: boolean; unit: boolean } {
  let numeric = 0;
  let comparison = 0;
  let unit = 0;
  for (const r of rows) {
    const t = toHalfWidth(r.values.target).replace(/\s/g, "");
    const m = /^(>=|<=|=>|=<|[≥≧≤≦><=＞＜]|大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|大于|小于|高于|低于|超过|达到)?[+-]?[\d,]*\.?\d+(.*)$/.exec(t);
    if (!m) continue;
    numeric++;
    if (m[1] !== undefined || /以上|以下|以内/.test(m[2] ?? "")) comparison++;
    if ((m[2] ?? "").replace(/以上|以下|以内/, "") !== "") unit++;
  }
  return { comparison: numeric > 0 && comparison * 2 >= numeric, unit: numeric > 0 && unit * 2 >= numeric };
}

/** Short texts of a form's top part and header rows: the labels its kind is recognised by. */
function labelsAbove(texts: Texts, from: number, to: number): string[] {
  const out: string[] = [];
  for (let r = from; r <= to; r++) for (const t of texts.row(r)) if (t !== "" && t.length <= 16) out.push(t);
  return out;
}

/** "……", "…", "...": a row left open in the template, not content. */
function isEllipsis(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first !== 0x2e && first !== 0x3002 && first !== 0x2026 && first !== 0xb7 && first !== 0xff0e) return false;
  return /^[\s.。…·．]+$/.test(text) && /[.。…·．]{2,}|…/.test(text);
}

/** A grid headed "长期绩效指标" / "中长期指标" (on the row above its header, or beside it in a label column). */
function isLongerGrid(texts: Texts, hit: HeaderHit): boolean {
  const above = hit.top > 0 ? texts.row(hit.top - 1).find((t) => t !== "") : undefined;
  if (above !== undefined && periodOf(above) === "longer") return true;
  const first = Math.min(...colsOf(hit));
  return texts.row(hit.top).some((t, c) => c < first && t !== "" && periodOf(t) === "longer");
}

/** Every form found in a grid, in order from the top. */
export function readForms(grid: Grid): Form[] {
  const all = new Texts(grid);
  // A grid of the project's 长期 / 中长期 indicators stacked above this year's is not the table's targets.
  const found = findHeaderRows(all);
  const hits = found.filter((h) => !(isLongerGrid(all, h) && found.some((o) => o !== h && !isLongerGrid(all, o))));
  const overlaps = (a: HeaderHit, b: HeaderHit): boolean => a.from < b.to && b.from < a.to;
  const ends = new Map<HeaderHit, number>();
  return hits.map((found, i) => {
    let hit = found;
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
    // 指标性质 holding 正向/反向 is not the value type: look at what the candidate columns hold.
    const candidates = comparisonCandidates(texts, hit);
    if (candidates.length > 0) {
      const roles = comparisonColumns(candidates, hit.columns.valueType, (r, c) => texts.at(r, c), hit.row + 1, stop);
      const columns = { ...hit.columns };
      if (roles.valueType === undefined) delete columns.valueType;
      else columns.valueType = roles.valueType;
      const ignored = new Set([...hit.ignored, ...roles.directions]);
      hit = { ...hit, columns, ignored };
    }
    // Header fields printed as columns of the grid (单位名称 | 项目名称 | 年度目标 | 一级指标 …, merged down a
    // project's rows): their cells are the header's values, not indicator content.
    const fieldColumns = headerFieldColumns(texts, hit);
    if (fieldColumns.length > 0) hit = { ...hit, ignored: new Set([...hit.ignored, ...fieldColumns.map((f) => f.col)]) };
    const preamble = readPreamble(texts, boundary, hit.top);
    for (const { field, col } of fieldColumns) {
      if (preamble.header[field].text !== "") continue;
      const value = firstBelow(texts, col, hit.row + 1, stop);
      if (value) preamble.header[field] = value;
    }
    const body = readIndicatorRows(texts, hit, hit.row + 1, stop);
    const { signoff, last, lines } = readSignoff(texts, body.end, stop);
    ends.set(hit, Math.max(body.end, last + 1));
    const kind = formKindOf({ title: preamble.title.text, labels: labelsAbove(texts, boundary, hit.row) });
    const carries = hit.columns.valueType === undefined || hit.columns.unit === undefined ? targetCarries(body.rows) : { comparison: false, unit: false };
    const layoutCarries = {
      comparison: hit.columns.valueType === undefined && carries.comparison,
      unit: hit.columns.unit === undefined && carries.unit,
    };
    const needed = NEEDED_COLUMNS_OF_KIND[kind].filter(
      (k) => !(k === "valueType" && layoutCarries.comparison) && !(k === "unit" && layoutCarries.unit),
    );
    return {
      kind,
      targetCarries: layoutCarries,
      headerRow: hit.row,
      firstRow: hit.row + 1,
      lastRow: Math.max(hit.row, body.lastUsed),
      columns: hit.columns,
      missingColumns: needed.filter((k) => hit.columns[k] === undefined),
      title: preamble.title,
      year: preamble.year,
      header: preamble.header,
      rows: body.rows,
      signoff,
      notes: body.notes,
      linesBelow: lines,
      otherColumns: hit.others,
    };
  });
}
