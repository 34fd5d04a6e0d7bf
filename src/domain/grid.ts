// A sheet's values as Excel (Range.values) or a CSV gives them.

export type CellValue = string | number | boolean | null | undefined;
export type Grid = ReadonlyArray<ReadonlyArray<CellValue>>;

/** A cell's text as the user sees it, trimmed; numbers without float noise. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

/** A number as plain digits: no float noise (0.1+0.2), no exponent (1e-7, 1e21), as a cell shows it. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  const s = String(rounded);
  return s.includes("e") ? rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based (row, col). */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** 0-based (row, col) of an A1 address such as "B7" or "$B$7". */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m || !m[1] || !m[2]) throw new Error(`not an A1 cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}
