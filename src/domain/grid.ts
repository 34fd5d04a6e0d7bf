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
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n); // 15 digits or fewer: nothing to round
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

// ---------------------------------------------------------------- percent number formats
//
// Typing "95%" into a cell stores the number 0.95 with the number format "0%"; the user sees "95%". Range.values
// and an .xlsx give the number, so both the add-in and the command line turn such cells back into the text on
// screen with percentText, and the rules judge what the user typed. A percent format is what CELL("format") calls
// "P<decimals>" (the workbook's own value-not-number/percent format relies on it): every non-empty numeric section
// has an unquoted, unescaped "%"; formats with conditions, exponents, fractions or date codes are something else.
// Checked against LibreOffice (test/agreement/native-vs-engine.test.ts); Excel documents "P0" for "0%" and "P2"
// for "0.00%".

type FormatToken =
  | { kind: "literal"; text: string }
  | { kind: "percent" }
  | { kind: "digit"; placeholder: "0" | "#" | "?" }
  | { kind: "point" }
  | { kind: "comma" }
  | { kind: "general" };

interface FormatSection {
  tokens: FormatToken[];
  /** Something that makes the section not a plain number format: condition, exponent, fraction, date code, text. */
  other: boolean;
}

/** A format's sections (positive; negative; zero; text), split at ";" outside quotes, escapes and brackets. */
function formatSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end + 1;
      current += format.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = format.indexOf("]", i + 1);
      const stop = end < 0 ? format.length : end + 1;
      current += format.slice(i, stop);
      i = stop - 1;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** One section as tokens: quoted text, escapes and "[$¥-804]" currency symbols are literal text; padding is dropped. */
function tokenizeSection(section: string): FormatSection {
  const tokens: FormatToken[] = [];
  let other = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: "literal", text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      tokens.push({ kind: "literal", text: section[i + 1] ?? "" });
      i++;
    } else if (ch === "_" || ch === "*") {
      i++; // "_)" pads by the width of ")", "*-" fills with "-": neither is text the user reads
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      const inside = section.slice(i + 1, end < 0 ? section.length : end);
      if (inside.startsWith("$")) tokens.push({ kind: "literal", text: inside.slice(1).split("-")[0] ?? "" });
      else if (/^[<>=]/.test(inside) || /^(h+|m+|s+)$/i.test(inside)) other = true; // a condition or elapsed time
      i = end < 0 ? section.length : end; // colours ([Red], [颜色10]) show nothing
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: "general" });
      i += "general".length - 1;
    } else if (ch === "%") tokens.push({ kind: "percent" });
    else if (ch === "0" || ch === "#" || ch === "?") tokens.push({ kind: "digit", placeholder: ch });
    else if (ch === ".") tokens.push({ kind: "point" });
    else if (ch === ",") tokens.push({ kind: "comma" });
    else if (/^[eE][+-]/.test(rest) || /[ymdhsYMDHS@]/.test(ch) || /^(AM\/PM|A\/P)/i.test(rest)) other = true;
    else if (ch === "/" && tokens[tokens.length - 1]?.kind === "digit" && /^\/[0-9#?]/.test(rest)) other = true; // a fraction
    else tokens.push({ kind: "literal", text: ch });
  }
  return { tokens, other };
}

function hasNumberTokens(s: FormatSection): boolean {
  return s.tokens.some((t) => t.kind !== "literal");
}

/** The numeric sections (the first three; a fourth is for text), or null when the format is not a percent format. */
function percentSections(format: string): Array<FormatSection | null> | null {
  const sections = formatSections(format).slice(0, 3).map((s) => (s === "" ? null : tokenizeSection(s)));
  const first = sections[0];
  if (!first) return null;
  for (const s of sections) {
    if (s && (s.other || !s.tokens.some((t) => t.kind === "percent"))) return null;
  }
  return hasNumberTokens(first) ? sections : null;
}

/** True when `format` shows numbers as percentages ("0%", "0.00%", "#,##0.0%;[Red]-#,##0.0%"). */
export function isPercentFormat(format: string | null | undefined): boolean {
  return typeof format === "string" && percentSections(format) !== null;
}

/**
 * A non-negative number with `decimals` decimals, rounded half up on its 15 significant digits as a spreadsheet
 * shows it (1.005 → "1.01", where toFixed gives "1.00"). Decimal digits are rounded as text: no binary noise.
 */
function fixedText(x: number, decimals: number): string {
  const [mantissa = "0", exponent = "0"] = x.toExponential(14).split("e");
  const digits = mantissa.replace(".", "");
  const intLength = Number(exponent) + 1;
  let int: string;
  let frac: string;
  if (intLength <= 0) [int, frac] = ["0", "0".repeat(-intLength) + digits];
  else if (intLength >= digits.length) [int, frac] = [digits + "0".repeat(intLength - digits.length), ""];
  else [int, frac] = [digits.slice(0, intLength), digits.slice(intLength)];
  frac = frac.padEnd(decimals + 1, "0");
  let kept = BigInt(int + frac.slice(0, decimals));
  if ((frac[decimals] ?? "0") >= "5") kept += 1n;
  const all = kept.toString().padStart(decimals + 1, "0");
  return decimals === 0 ? all : `${all.slice(0, -decimals)}.${all.slice(-decimals)}`;
}

/** A non-negative number laid out in one section's digit placeholders. */
function renderSection(section: FormatSection, magnitude: number): string {
  const tokens = section.tokens;
  const numeric = (t: FormatToken) => t.kind === "digit" || t.kind === "point" || t.kind === "general";
  const start = tokens.findIndex(numeric);
  let end = -1;
  tokens.forEach((t, i) => {
    if (numeric(t)) end = i;
  });
  // Commas right after the last placeholder divide by 1000 each; commas among the integer placeholders group.
  let scaleCommas = 0;
  while (tokens[end + 1 + scaleCommas]?.kind === "comma") scaleCommas++;
  const percents = tokens.filter((t) => t.kind === "percent").length;
  const value = (magnitude * 100 ** percents) / 1000 ** scaleCommas;

  let number = "";
  if (start >= 0) {
    const run = tokens.slice(start, end + 1);
    if (run.some((t) => t.kind === "general")) number = cellText(value);
    else {
      const point = run.findIndex((t) => t.kind === "point");
      const integerPart = point < 0 ? run : run.slice(0, point);
      const fractionPart = point < 0 ? [] : run.slice(point + 1);
      const intHolders = integerPart.flatMap((t) => (t.kind === "digit" ? [t.placeholder] : []));
      const fracHolders = fractionPart.flatMap((t) => (t.kind === "digit" ? [t.placeholder] : []));
      const grouping = integerPart.some((t) => t.kind === "comma");
      const [intDigits = "0", fracDigits = ""] = fixedText(value, fracHolders.length).split(".");
      let int = intDigits === "0" && !intHolders.includes("0") ? "" : intDigits;
      // "0" and "?" placeholders the number does not reach show "0" and " ".
      const required = intHolders.filter((p) => p !== "#");
      if (int.length < required.length) int = required.slice(0, required.length - int.length).map((p) => (p === "?" ? " " : "0")).join("") + int;
      if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      // Trailing zeros where the format says "#" (dropped) or "?" (a space).
      let frac = fracDigits;
      for (let i = fracHolders.length - 1; i >= 0 && frac[i] === "0" && fracHolders[i] !== "0"; i--) {
        frac = frac.slice(0, i) + (fracHolders[i] === "?" ? " " : "") + frac.slice(i + 1);
      }
      number = `${int}${point >= 0 ? "." : ""}${frac}`;
    }
  }
  let out = "";
  tokens.forEach((t, i) => {
    if (i === start) out += number;
    if (t.kind === "literal") out += t.text;
    else if (t.kind === "percent") out += "%";
    else if (t.kind === "comma" && (i < start || i > end + scaleCommas)) out += ",";
  });
  return out;
}

/**
 * The text a user sees for a number in a percent format (0.95 in "0%" → "95%", 0.125 in "0.0%" → "12.5%"), with
 * the format's decimals, grouping, literal text and negative or zero section; null when `format` is not a
 * percent format (a "%" in quotes or after "\" is text, not a percent). The text always holds a "%".
 */
export function percentText(value: number, format: string | null | undefined): string | null {
  if (typeof format !== "string" || !Number.isFinite(value)) return null;
  const sections = percentSections(format);
  if (!sections) return null;
  const [positive, negative, zero] = sections;
  if (!positive) return null;
  if (value === 0 && zero) return renderSection(zero, 0);
  // A negative section shows the magnitude (its own signs are literal text); without one, a "-" goes in front.
  if (value < 0 && negative) return renderSection(negative, -value);
  return `${value < 0 ? "-" : ""}${renderSection(positive, Math.abs(value))}`;
}

/** A cell value as the grid holds it: a number in a percent format becomes the text the user sees. */
export function shownValue(value: CellValue, format: string | null | undefined): CellValue {
  return typeof value === "number" ? (percentText(value, format) ?? value) : value;
}
