import { RULE_IDS } from "../../../src/domain/findings";
import { columnLetter } from "../../../src/domain/grid";
import { DEFAULT_INDICATOR_ROWS, drawForm, TEMPLATE } from "../../../src/domain/layout";
import {
  anchorOf,
  conditionalFormatSpecs,
  definedNames,
  NAMES,
  NATIVE_COLORS,
  NATIVE_RULE_IDS,
  shiftRows,
  validationSpecs,
  type ConditionalFormatSpec,
} from "../../../src/domain/native";

const drawing = drawForm({ year: 2027 });
const rows = drawing.indicatorRows; // 0-based 6..12 for the default form
const FIRST = rows.first + 1; // 1-based anchor row
const LAST = rows.last + 1;
const HEADER = TEMPLATE.gridHeaderRow + 1;

/** Every A1 reference outside string literals, with whether its row is absolute. */
function references(formula: string): Array<{ text: string; col: string; row: number; absoluteRow: boolean }> {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: Array<{ text: string; col: string; row: number; absoluteRow: boolean }> = [];
  for (const m of withoutStrings.matchAll(/(?<![A-Za-z0-9_.\u00c0-\uffff])\$?([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g)) {
    out.push({ text: m[0], col: m[1]!, row: Number(m[3]), absoluteRow: m[2] === "$" });
  }
  return out;
}

/** Function names called in a formula. */
function functions(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...withoutStrings.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!);
}

/** Names used (identifiers that are neither functions, references nor TRUE/FALSE). */
function namesUsed(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const tokens = withoutStrings.match(/[\p{L}_][\p{L}\p{N}_.]*(?!\()/gu) ?? [];
  return tokens.filter((t) => !/^\$?[A-Z]{1,3}\$?\d*$/.test(t) && !/^[A-Z][A-Z0-9.]*$/.test(t));
}

function balanced(formula: string): boolean {
  let depth = 0;
  for (const ch of formula.replace(/"(?:[^"]|"")*"/g, '""')) {
    if (ch === "(") depth++;
    if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Functions every target host has had for years (no LET, no dynamic arrays, nothing with wildcards). */
const PORTABLE = new Set([
  "AND", "OR", "NOT", "IFERROR", "SUMPRODUCT", "LEN", "SUBSTITUTE", "CLEAN", "ASC", "LOOKUP", "EXACT", "LOWER",
  "MID", "LEFT", "RIGHT", "FIND", "MOD", "ROW", "ISERROR", "ISNUMBER", "CHOOSE",
  // Only in the value-not-number/percent format, which has a format of its own: Excel for the web does not
  // support CELL("format").
  "CELL",
]);
const DEFINED = new Set(definedNames().map((n) => n.name));

describe("conditional-format specs", () => {
  const specs = conditionalFormatSpecs(rows);

  it("covers the rules the issue asks for, with known ids and severities", () => {
    for (const id of ["level2-mismatch", "value-not-number", "unit-on-qualitative", "level3-duplicate", "level3-missing",
      "value-missing", "value-type-invalid", "explanation-missing", "scoring-missing", "level1-invalid", "level2-invalid"]) {
      expect(NATIVE_RULE_IDS).toContain(id);
    }
    for (const s of specs) {
      expect(RULE_IDS).toContain(s.rule);
      expect(["error", "warning"]).toContain(s.severity);
    }
    expect(new Set(specs.map((s) => s.key)).size).toBe(specs.length);
    for (const s of specs) expect(s.key === s.rule || s.key.startsWith(`${s.rule}/`)).toBe(true);
    expect(new Set(NATIVE_RULE_IDS).size).toBe(NATIVE_RULE_IDS.length);
    expect(new Set(NATIVE_RULE_IDS)).toEqual(new Set(specs.map((s) => s.rule)));
    expect(NATIVE_COLORS.error).toEqual({ fill: "#FFC7CE", font: "#9C0006" });
    expect(NATIVE_COLORS.warning).toEqual({ fill: "#FFEB9C", font: "#9C5700" });
  });

  it("applies each rule to its column of the indicator block, anchored at the block's first row", () => {
    for (const s of specs) {
      const col = columnLetter(TEMPLATE.columns[s.field]);
      expect(s.range).toBe(`${col}${FIRST}:${col}${LAST}`);
      expect(s.anchor).toBe(`${col}${FIRST}`);
    }
    expect(specs.find((s) => s.rule === "level2-mismatch")?.range).toBe(`C${FIRST}:C${LAST}`);
    expect(specs.find((s) => s.rule === "value-not-number")?.range).toBe(`F${FIRST}:F${LAST}`);
    expect(specs.find((s) => s.rule === "unit-on-qualitative")?.range).toBe(`G${FIRST}:G${LAST}`);
    expect(specs.find((s) => s.rule === "level3-duplicate")?.range).toBe(`D${FIRST}:D${LAST}`);
  });

  it("uses relative rows only for the anchor row, and absolute rows only for the header and the block's ends", () => {
    for (const s of specs) {
      const refs = references(s.formula);
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs) {
        if (r.absoluteRow) expect([HEADER, FIRST, LAST]).toContain(r.row);
        else expect({ ref: r.text, row: r.row }).toEqual({ ref: r.text, row: FIRST });
        expect(r.text.startsWith("$")).toBe(true); // columns absolute: the formula means the same in any column
        expect(r.col >= "B" && r.col <= "J").toBe(true);
      }
    }
  });

  it("writes portable, balanced formulas that only use the defined names", () => {
    for (const s of specs) {
      expect(s.formula.startsWith("=")).toBe(true);
      expect(balanced(s.formula)).toBe(true);
      expect(s.formula.length).toBeLessThan(8192); // Excel's formula length limit
      for (const f of functions(s.formula)) expect({ rule: s.rule, f, portable: PORTABLE.has(f) }).toEqual({ rule: s.rule, f, portable: true });
      for (const n of namesUsed(s.formula)) expect({ rule: s.rule, n, defined: DEFINED.has(n) }).toEqual({ rule: s.rule, n, defined: true });
    }
    const mismatch = specs.find((s) => s.rule === "level2-mismatch")!.formula;
    expect(new Set(namesUsed(mismatch))).toEqual(new Set(["一级指标", "二级指标", "jixiao_二级所属"]));
    // No COUNTIF/MATCH: they read * ? ~ in a name as wildcards.
    for (const s of specs) expect(s.formula).not.toMatch(/COUNTIF|MATCH|SEARCH/);
    // Excel refuses array constants (and unions) in conditional-format and validation formulas.
    for (const f of [...specs.map((s) => s.formula), ...validationSpecs(rows).map((v) => v.source)]) {
      expect(f.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/[{}]/);
    }
  });

  it("gives value-not-number a second, separate format for numbers in a percent format, right after the main one", () => {
    const forRule = specs.filter((s) => s.rule === "value-not-number");
    expect(forRule.map((s) => s.key)).toEqual(["value-not-number", "value-not-number/percent"]);
    const [main, percent] = forRule as [ConditionalFormatSpec, ConditionalFormatSpec];
    expect(specs.indexOf(percent)).toBe(specs.indexOf(main) + 1);
    expect(percent.range).toBe(main.range);
    expect(percent.severity).toBe(main.severity);
    // Only the percent format depends on CELL, so a host that cannot evaluate it keeps the main format working.
    for (const s of specs) expect(s.formula.includes("CELL(")).toBe(s === percent);
    expect(percent.formula).toContain(`LEFT(CELL("format",$F${FIRST}))="P"`);
    expect(percent.formula).toContain(`ISNUMBER($F${FIRST})`);
  });

  it("moves with the block: another block's formulas are the same formulas at its own rows", () => {
    const other = conditionalFormatSpecs({ first: 30, last: 80 }); // header row 30, anchor 31, last 81 (1-based)
    specs.forEach((s, i) => {
      const o = other[i]!;
      for (const r of references(o.formula)) {
        if (r.absoluteRow) expect([30, 31, 81]).toContain(r.row);
        else expect(r.row).toBe(31);
      }
      expect(o.formula.replace(/\d+/g, "#")).toBe(s.formula.replace(/\d+/g, "#"));
    });
  });

  it("refuses a block with no header row above it", () => {
    expect(() => conditionalFormatSpecs({ first: 0, last: 5 })).toThrow();
    expect(() => conditionalFormatSpecs({ first: 8, last: 7 })).toThrow();
    expect(anchorOf({ first: 6, last: 12 })).toMatchObject({ header: 6, anchor: 7, last: 13, names: NAMES });
  });
});

describe("validation specs", () => {
  const specs = validationSpecs(rows);

  it("puts dropdowns on 一级指标, 二级指标 and 指标值类型 over the block", () => {
    expect(specs.map((s) => [s.field, s.range])).toEqual([
      ["level1", `B${FIRST}:B${LAST}`],
      ["level2", `C${FIRST}:C${LAST}`],
      ["valueType", `E${FIRST}:E${LAST}`],
    ]);
    expect(specs.find((s) => s.field === "level1")?.source).toBe("=一级指标");
    expect(specs.find((s) => s.field === "valueType")?.source).toBe("=指标值类型");
    for (const s of specs) {
      expect(s.type).toBe("list");
      expect(s.ignoreBlanks).toBe(true);
      expect(s.inCellDropDown).toBe(true);
    }
  });

  it("makes the level-2 list depend on the level-1 in force, looking up from the header to the row", () => {
    const source = specs.find((s) => s.field === "level2")!.source;
    // Column relative (the list is in C, the level-1 one column left), rows from the header down to the anchor.
    expect(source).toContain(`B$${HEADER}:B${FIRST}`);
    const refs = references(source);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r.absoluteRow ? r.row : FIRST).toBe(r.absoluteRow ? HEADER : r.row);
    for (const n of namesUsed(source)) expect(DEFINED.has(n)).toBe(true);
    expect(balanced(source)).toBe(true);
  });

  it("keeps list sources under Excel's 255-character limit for blocks starting up to row 100000", () => {
    for (const block of [rows, { first: 99_998, last: 1_048_575 }]) {
      for (const s of validationSpecs(block)) expect(s.source.length).toBeLessThan(255);
    }
    expect(() => validationSpecs({ first: 1_048_000, last: 1_048_575 })).toThrow(/255/);
  });

  it("prompts and warns in Chinese within Excel's lengths", () => {
    for (const s of specs) {
      for (const t of [s.prompt.title, s.error.title]) {
        expect(t.length).toBeGreaterThan(0);
        expect(t.length).toBeLessThanOrEqual(32);
      }
      for (const m of [s.prompt.message, s.error.message]) {
        expect(m).toMatch(/[\u4e00-\u9fff]/);
        expect(m.length).toBeLessThanOrEqual(255);
      }
      expect(["Stop", "Warning", "Information"]).toContain(s.error.style);
    }
    // The engine accepts >= and ＞ spellings, so the value-type dropdown only warns.
    expect(specs.find((s) => s.field === "valueType")?.error.style).toBe("Warning");
  });

  it("matches the default form's rows", () => {
    expect(LAST - FIRST + 1).toBe(DEFAULT_INDICATOR_ROWS.length);
  });
});

describe("shiftRows", () => {
  it("moves relative rows, keeps absolute rows, columns, strings and sheet names", () => {
    expect(shiftRows('=AND($D7<>"",$D$7:$D$13=D7,SUM(A1:B2))', 3)).toBe('=AND($D10<>"",$D$7:$D$13=D10,SUM(A4:B5))');
    expect(shiftRows('=FIND("A1",\'Sheet 1\'!$B$6:$B7)', 2)).toBe('=FIND("A1",\'Sheet 1\'!$B$6:$B9)');
    expect(shiftRows("=LOG10(A1)+jixiao_位置", 1)).toBe("=LOG10(A2)+jixiao_位置");
    expect(shiftRows('="say ""B2"""&B2', 1)).toBe('="say ""B2"""&B3');
    expect(() => shiftRows("=A1", -1)).toThrow();
  });
});
