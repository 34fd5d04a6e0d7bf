// A1 addresses and references inside formulas, as Excel writes them.

import { columnIndex, columnLetter } from "../../../src/domain/grid";
import { officeError } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based inclusive rectangle. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectOf(top: number, left: number, rows: number, cols: number): Rect {
  return { top, left, bottom: top + rows - 1, right: left + cols - 1 };
}

export function rows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function cols(r: Rect): number {
  return r.right - r.left + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && inner.bottom <= outer.bottom && outer.left <= inner.left && inner.right <= outer.right;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** a minus b, as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ top: a.top, left: a.left, bottom: b.top - 1, right: a.right });
  if (b.bottom < a.bottom) out.push({ top: b.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, left: a.left, bottom, right: b.left - 1 });
  if (b.right < a.right) out.push({ top, left: b.right + 1, bottom, right: a.right });
  return out;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:B2", "1:3" (entire rows), "A:C" (entire columns), without the sheet. */
export function formatRect(r: Rect): string {
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  const tl = `${columnLetter(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return tl;
  return `${tl}:${columnLetter(r.right)}${r.bottom + 1}`;
}

export function formatAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${formatRect(r)}`;
}

/** Absolute form for formulas and names: Sheet1!$A$1:$B$2. */
export function absoluteAddress(sheet: string, r: Rect): string {
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  const tl = cell(r.top, r.left);
  const body = r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cell(r.bottom, r.right)}`;
  return `${quoteSheet(sheet)}!${body}`;
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet (or null) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const s = address.trim();
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(s);
  if (quoted && quoted[1] && quoted[2]) return { sheet: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const bang = s.lastIndexOf("!");
  if (bang > 0) return { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
  return { sheet: null, local: s };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const ROW = /^\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;

/** Parses the local part of an address; throws InvalidArgument as Excel does for a bad one. */
export function parseRect(local: string): Rect {
  const parts = local.trim().split(":");
  if (parts.length < 1 || parts.length > 2) throw officeError("InvalidArgument", "Worksheet.getRange");
  const [a, b = a] = parts as [string, string?];
  const bb = b ?? a;
  const ca = CELL.exec(a);
  const cb = CELL.exec(bb);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1;
    const r2 = Number(cb[2]) - 1;
    const c1 = columnIndex(ca[1] as string);
    const c2 = columnIndex(cb[1] as string);
    return check({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }
  if (parts.length === 2) {
    const ra = ROW.exec(a);
    const rb = ROW.exec(bb);
    if (ra && rb) {
      const r1 = Number(ra[1]) - 1;
      const r2 = Number(rb[1]) - 1;
      return check({ top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLS - 1 });
    }
    const ka = COL.exec(a);
    const kb = COL.exec(bb);
    if (ka && kb) {
      const c1 = columnIndex(ka[1] as string);
      const c2 = columnIndex(kb[1] as string);
      return check({ top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) });
    }
  }
  throw officeError("InvalidArgument", "Worksheet.getRange", `The address "${local}" is not valid.`);
}

function check(r: Rect): Rect {
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) {
    throw officeError("InvalidArgument", "Worksheet.getRange");
  }
  return r;
}

/**
 * Moves every reference in `formula` that points at `sheet` at or below row `at` down by `count` rows, the way
 * Excel rewrites formulas, names, validation and conditional-format formulas when rows are inserted.
 * Text inside "string literals" is left alone. `hostSheet` is the sheet the formula lives on (unqualified
 * references point there; null for workbook names, where every reference is qualified).
 */
export function shiftFormulaRows(formula: string, hostSheet: string | null, sheet: string, at: number, count: number): string {
  const out: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const quote = formula.indexOf('"', i);
    const end = quote < 0 ? formula.length : quote;
    out.push(shiftSegment(formula.slice(i, end), hostSheet, sheet, at, count));
    if (quote < 0) break;
    const close = findStringEnd(formula, quote);
    out.push(formula.slice(quote, close + 1));
    i = close + 1;
  }
  return out.join("");
}

function findStringEnd(s: string, open: number): number {
  let j = open + 1;
  while (j < s.length) {
    if (s[j] === '"') {
      if (s[j + 1] === '"') j += 2;
      else return j;
    } else j++;
  }
  return s.length - 1;
}

const REF =
  /(^|[^A-Za-z0-9_.\u4e00-\u9fff$'!])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*)!)?(\$?[A-Za-z]{1,3}\$?\d+|\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+|\$?\d+))?(?![A-Za-z0-9_(\u4e00-\u9fff])/g;

function shiftSegment(seg: string, hostSheet: string | null, sheet: string, at: number, count: number): string {
  return seg.replace(REF, (whole, pre: string, qual: string | undefined, a: string, b: string | undefined) => {
    const target = qual ? splitSheet(`${qual}A1`).sheet : hostSheet;
    if (target === null || target.toLowerCase() !== sheet.toLowerCase()) return whole;
    const isRowOnly = (x: string) => /^\$?\d+$/.test(x);
    if (isRowOnly(a) !== (b !== undefined && isRowOnly(b))) {
      if (isRowOnly(a)) return whole; // a bare number, not a reference
    }
    const move = (x: string) =>
      x.replace(/(\$?)(\d+)$/, (_m, dollar: string, n: string) => {
        const row = Number(n) - 1;
        return `${dollar}${row >= at ? row + count + 1 : row + 1}`;
      });
    return `${pre}${qual ?? ""}${move(a)}${b !== undefined ? `:${move(b)}` : ""}`;
  });
}
