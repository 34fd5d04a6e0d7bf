// 用户输入的规范化：全角/半角、比较符号、数字、标签。

import { QUALITATIVE, type ValueType } from "./taxonomy";

/** Full-width ASCII (！..～) to half-width, ideographic space to space. */
const FULL_WIDTH_RE = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH_RE.test(s)) return s; // most cells: nothing to convert, no new string
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Trim and collapse whitespace (including non-breaking and ideographic spaces). */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

/** A header label in canonical form: half-width, no spaces, no `*`, no trailing colon, Chinese brackets. */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0*]+/g, "")
    .replace(/[:：]+$/, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

const COMPARISON_SPELLINGS: ReadonlyArray<readonly [RegExp, ValueType]> = [
  [/^(>=|≥|≧|=>|⩾|大于等于|大于或等于|不低于|不少于)$/, "≥"],
  [/^(<=|≤|≦|=<|⩽|小于等于|小于或等于|不高于|不超过|不多于)$/, "≤"],
  [/^(>|大于|高于|超过)$/, ">"],
  [/^(<|小于|低于)$/, "<"],
  [/^(=|==|等于)$/, "="],
  [/^定性$/, QUALITATIVE],
];

/** The canonical 指标值类型 for a spelling users type, or null when it is not one. */
export function normalizeValueType(s: string): ValueType | null {
  const t = toHalfWidth(s).replace(/\s+/g, "");
  for (const [re, v] of COMPARISON_SPELLINGS) if (re.test(t)) return v;
  return null;
}

const NUMBER_RE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/;

/**
 * A plain number typed in any of the usual ways ("１００", "20,000", " 95 ", "1.5"), or null.
 * Units, signs like ≥ and words are not numbers.
 */
export function parseNumber(s: string | number): number | null {
  if (typeof s === "number") return Number.isFinite(s) ? s : null;
  const t = toHalfWidth(s).replace(/[\s\u00a0]+/g, "").replace(/，/g, ",");
  if (!NUMBER_RE.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/** Drop HTML tags that arrive when a table is pasted from a web page. */
export function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, " ");
}
