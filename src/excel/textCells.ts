// Writing texts into cells so that Excel stores exactly the text: "=…" is not taken for a formula,
// "95%" or "12" not for numbers (Range.values interprets strings as typing does).

import { a1 } from "../domain/grid";

/**
 * The text with a leading apostrophe when Excel would otherwise turn it into a formula, a number or a
 * date ("=…", "+…", "-…", "@…", "95%", "12"); the apostrophe is Excel's text prefix and is not stored.
 */
export function asLiteralText(text: string): string {
  const t = text.trim();
  const risky =
    /^[=+\-@]/.test(t) ||
    /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(t) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t) ||
    text.startsWith("'");
  return risky ? `'${text}` : text;
}

export interface TextCell {
  /** 0-based sheet position. */
  row: number;
  col: number;
  text: string;
}

/**
 * Queue (no sync) one write per column: a single range from the column's first to last cell, null (leave
 * unchanged) in between, so the request stays one operation per column however many rows.
 */
export function queueTextWrites(sheet: Excel.Worksheet, cells: readonly TextCell[]): void {
  const byCol = new Map<number, TextCell[]>();
  for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  for (const [col, list] of byCol) {
    list.sort((a, b) => a.row - b.row);
    const top = (list[0] as TextCell).row;
    const bottom = (list[list.length - 1] as TextCell).row;
    const values: Array<[string | null]> = Array.from({ length: bottom - top + 1 }, () => [null]);
    for (const c of list) values[c.row - top] = [asLiteralText(c.text)];
    // Office.js types say string[][]; null is the documented "leave this cell unchanged".
    sheet.getRange(`${a1(top, col)}:${a1(bottom, col)}`).values = values as unknown as string[][];
  }
}
