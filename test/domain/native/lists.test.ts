import { readFileSync } from "fs";
import { join } from "path";
import { columnIndex } from "../../../src/domain/grid";
import { definedNames, LISTS_SHEET, listsSheetValues, MAX_CHECKED_LENGTH, NAMES, VALUE_TYPE_SPELLINGS } from "../../../src/domain/native";
import { LEVEL1_NAMES, LEVEL2_BY_LEVEL1, LEVEL2_NAMES, level1Of, VALUE_TYPES } from "../../../src/domain/taxonomy";
import { normalizeValueType, toHalfWidth } from "../../../src/domain/text";

/** Excel's rules for a defined name: a letter (any script), _ or \ first; no spaces; not a cell address. */
function isValidExcelName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return false;
  return true;
}

const REF_RE = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/;

/** The cells a name's reference covers on the lists sheet. */
function cellsOf(reference: string): string[] {
  const m = REF_RE.exec(reference);
  if (!m) throw new Error(`not an absolute quoted range: ${reference}`);
  expect(m[1]!.replace(/''/g, "'")).toBe(LISTS_SHEET);
  expect(m[2]).toBe(m[4]); // one column
  const col = columnIndex(m[2]!);
  const values = listsSheetValues();
  const out: string[] = [];
  for (let r = Number(m[3]) - 1; r <= Number(m[5]) - 1; r++) out.push(values[r]?.[col] ?? "");
  return out;
}

function named(name: string): string[] {
  const n = definedNames().find((d) => d.name === name);
  if (!n) throw new Error(`no defined name ${name}`);
  return cellsOf(n.reference);
}

describe("lists sheet and defined names", () => {
  it("has valid, unique, workbook-wide names with absolute references quoting the sheet", () => {
    const names = definedNames();
    expect(new Set(names.map((n) => n.name.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect({ name: n.name, valid: isValidExcelName(n.name) }).toEqual({ name: n.name, valid: true });
      expect(n.reference).toMatch(REF_RE);
      expect(n.reference.startsWith("=")).toBe(false);
      expect(n.comment).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("rejects names Excel rejects (the checker itself)", () => {
    expect(isValidExcelName("A1")).toBe(false);
    expect(isValidExcelName("一级 指标")).toBe(false);
    expect(isValidExcelName("1级")).toBe(false);
    expect(isValidExcelName("R1C1")).toBe(false);
    expect(isValidExcelName("一级指标")).toBe(true);
  });

  it("names the taxonomy lists exactly", () => {
    expect(named(NAMES.level1)).toEqual([...LEVEL1_NAMES]);
    expect(named(NAMES.level2)).toEqual([...LEVEL2_NAMES]);
    expect(named(NAMES.valueType)).toEqual([...VALUE_TYPES]);
    // Parallel columns: each level-2 beside the level-1 it belongs to.
    const parents = named(NAMES.level2Parent);
    named(NAMES.level2).forEach((l2, i) => expect(parents[i]).toBe(level1Of(l2)));
    // One name per level-1, equal to its text, so INDIRECT(B7) gives its level-2 list.
    for (const l1 of LEVEL1_NAMES) expect(named(l1)).toEqual([...LEVEL2_BY_LEVEL1[l1]]);
  });

  it("lists every spelling beside the value type it means", () => {
    const spellings = named(NAMES.spellings);
    const types = named(NAMES.spellingTypes);
    expect(spellings).toEqual(VALUE_TYPE_SPELLINGS.map(([s]) => s));
    expect(types).toEqual(VALUE_TYPE_SPELLINGS.map(([, t]) => t));
  });

  it("covers character positions 1..MAX_CHECKED_LENGTH with the positions name", () => {
    const n = definedNames().find((d) => d.name === NAMES.positions)!;
    const m = REF_RE.exec(n.reference)!;
    expect([Number(m[3]), Number(m[5])]).toEqual([1, MAX_CHECKED_LENGTH]);
  });

  it("keeps every cell text and no list cell blank inside a list", () => {
    const values = listsSheetValues();
    const width = values[0]!.length;
    for (const row of values) expect(row).toHaveLength(width);
    for (const n of definedNames().filter((d) => d.name !== NAMES.positions)) {
      expect(cellsOf(n.reference).every((v) => v !== "")).toBe(true);
    }
  });
});

describe("value-type spellings mirror normalizeValueType (text.ts)", () => {
  it("each listed spelling, typed full-width or with spaces, normalises to its value type", () => {
    for (const [spelling, type] of VALUE_TYPE_SPELLINGS) {
      expect(normalizeValueType(spelling)).toBe(type);
      const fullWidth = Array.from(spelling, (ch) => {
        const c = ch.charCodeAt(0);
        return c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + 0xfee0) : ch;
      }).join("");
      expect(normalizeValueType(` ${fullWidth}\u3000`)).toBe(type);
      // Listed as the formula compares them: already half-width, no spaces.
      expect(toHalfWidth(spelling).replace(/\s+/g, "")).toBe(spelling);
    }
  });

  it("lists exactly the alternatives text.ts accepts", () => {
    // normalizeValueType keeps its spellings private; read them from its source so a new one cannot be missed.
    const source = readFileSync(join(__dirname, "../../../src/domain/text.ts"), "utf8");
    const block = /COMPARISON_SPELLINGS[^=]*=\s*\[([\s\S]*?)\n\];/.exec(source);
    expect(block).not.toBeNull();
    const accepted: Array<[string, string]> = [];
    for (const m of block![1]!.matchAll(/\[\/\^\(?([^$/]*?)\)?\$\/,\s*("([^"]*)"|QUALITATIVE)\]/g)) {
      const type = m[3] ?? "定性";
      for (const alt of m[1]!.split("|")) accepted.push([alt, type]);
    }
    expect(accepted.length).toBeGreaterThan(20);
    const sort = (xs: ReadonlyArray<readonly [string, string]>) => xs.map(([s, t]) => `${s} → ${t}`).sort();
    expect(sort(VALUE_TYPE_SPELLINGS)).toEqual(sort(accepted));
  });
});
