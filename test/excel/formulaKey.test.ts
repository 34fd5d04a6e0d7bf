// Excel gives a conditional format's formula back as it writes it out (OfficeDev/office-js #5194: the text is
// recomputed), not necessarily as the add-in set it. Marks and native rules must still be recognised.

import { conditionalFormatSpecs } from "../../src/domain/native";
import { checkActiveSheet } from "../../src/excel/check";
import { formulaKey, hasFormula, sameFormula } from "../../src/excel/formulaKey";
import { MARK_FILL, MARK_FORMULA } from "../../src/excel/marks";
import { installNativeRules } from "../../src/excel/nativeRules";
import { addIndicatorRows } from "../../src/excel/rows";
import type { FakeExcel } from "../support/fake-excel";
import { GOOD_ROWS, type RowInput } from "../support/form-grid";
import { seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

describe("formulaKey", () => {
  test.each([
    ["the leading =", "=AND($D7<>\"\",1)", "AND($D7<>\"\",1)"],
    ["spaces between tokens", "=AND( $D7<>\"\" , 1 )", "=AND($D7<>\"\",1)"],
    ["case of functions, references and names", "=sumproduct(--exact(一级指标,$b7))>0", "=SUMPRODUCT(--EXACT(一级指标,$B7))>0"],
    ["the _xlfn. prefix", "=_xlfn.IFERROR(1,2)", "=IFERROR(1,2)"],
    ["the implicit-intersection @", "=@LOOKUP(2,1/(A1:A3<>\"\"),A1:A3)", "=LOOKUP(2,1/(A1:A3<>\"\"),A1:A3)"],
  ])("ignores %s", (_what, a, b) => {
    expect(sameFormula(a, b)).toBe(true);
  });

  test.each([
    ["text in quotes keeps its case", '=ISTEXT("abc")', '=ISTEXT("ABC")'],
    ["text in quotes keeps its spaces", '=A1=" x"', '=A1="x"'],
    ["a different reference", "=$D7=\"\"", "=$D8=\"\""],
    ["a quoted sheet name keeps its case", "='Ab'!A1", "='AB'!A1"],
  ])("keeps what changes the meaning: %s", (_what, a, b) => {
    expect(sameFormula(a, b)).toBe(false);
  });

  test("a doubled quote inside text does not end it", () => {
    expect(formulaKey('=A1="say ""hi"" now"')).toBe('A1="say ""hi"" now"');
  });

  test("every native formula and the mark keep their meaning and are told apart", () => {
    const formulas = [MARK_FORMULA, ...conditionalFormatSpecs({ first: 6, last: 12 }).map((s) => s.formula)];
    const keys = new Set(formulas.map(formulaKey));
    expect(keys.size).toBe(formulas.length);
    for (const f of formulas) expect(hasFormula([respell(f)], f)).toBe(true);
    expect(formulaKey(formulaKey(MARK_FORMULA))).toBe(formulaKey(MARK_FORMULA));
  });
});

/** A formula as another Excel build might write it out: no "=", a space after each comma, lower-case functions. */
function respell(formula: string): string {
  let out = "";
  let quoted = false;
  for (const ch of formula.replace(/^=/, "")) {
    if (ch === '"') quoted = !quoted;
    out += quoted || ch === '"' ? ch : ch === "," ? ", " : ch.toLowerCase();
  }
  return out;
}

/** Excel, asked again, spells every conditional-format formula on the sheet its own way. */
function respellAll(fake: FakeExcel, sheet = "Sheet1"): void {
  for (const cf of fake.sheet(sheet).state.conditionalFormats) if (cf.formula) cf.formula = respell(cf.formula);
}

function rowsWithProblems(): RowInput[] {
  const rows = GOOD_ROWS.map((r) => ({ ...r }));
  rows[1] = { ...rows[1], scoringStandard: "" };
  rows[2] = { ...rows[2], explanation: "考核社会组织年检率情况。" };
  return rows;
}

/** The add-in's marks on the sheet, told by their colour (their formula is spelled Excel's way). */
const marks = (fake: FakeExcel) => fake.sheet("Sheet1").conditionalFormats.filter((cf) => cf.fillColor === MARK_FILL);

describe("formulas given back in Excel's own spelling", () => {
  test("the next check still finds and replaces its marks (none left behind)", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    const first = await checkActiveSheet();
    if (!first.ok) throw first.error;
    expect(marks(fake).length).toBeGreaterThan(0);
    respellAll(fake);
    fake.sheet("Sheet1").seed("H9", [["在规定时限内发放的培训补贴占应发补贴的比例，考核培训合格率。"]]);
    fake.sheet("Sheet1").seed("I8", [["完成率达到100%得15分；低于60%不得分。"]]);
    const fixed = await checkActiveSheet();
    if (!fixed.ok) throw fixed.error;
    expect(fixed.value.marked).toEqual([]);
    expect(marks(fake)).toEqual([]);
  });

  test("installed native rules are still recognised: not installed twice, their findings not marked", async () => {
    const fake = setup();
    seedForm(fake, rowsWithProblems());
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    const count = fake.sheet("Sheet1").conditionalFormats.length;
    respellAll(fake);
    const again = await installNativeRules();
    if (!again.ok) throw again.error;
    expect(again.value.conditionalFormats).toEqual([]);
    expect(fake.sheet("Sheet1").conditionalFormats).toHaveLength(count);

    const checked = await checkActiveSheet();
    if (!checked.ok) throw checked.error;
    const scoringMissing = checked.value.findings.find((f) => f.rule === "scoring-missing");
    expect(scoringMissing).toBeDefined();
    expect(checked.value.marked).not.toContain(scoringMissing?.cell);
  });

  test("rows added at the end replace the block's native formats instead of adding a second set", async () => {
    const fake = setup();
    seedForm(fake);
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    respellAll(fake);
    const r = await addIndicatorRows(2);
    if (!r.ok) throw r.error;
    const grown = conditionalFormatSpecs({ first: 6, last: 13 });
    const cfs = fake.sheet("Sheet1").conditionalFormats;
    expect(cfs).toHaveLength(grown.length);
    expect(cfs.map((c) => c.address).sort()).toEqual(grown.map((s) => s.range).sort());
  });
});
