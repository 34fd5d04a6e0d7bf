// Defined names: a familiar name (一级指标, 产出指标…) is reused only when it points where ours must. A user's own
// name, or one left pointing at #REF!, is left alone and the rules use jx_ names, and the user is told.

import { definedNames, NAMES, PREFIXED_NAMES, conditionalFormatSpecs, validationSpecs } from "../../src/domain/native";
import { insertForm } from "../../src/excel/insert";
import { installNativeRules } from "../../src/excel/nativeRules";
import { addIndicatorRows } from "../../src/excel/rows";
import { markFindings } from "../../src/excel/check";
import { GOOD_ROWS } from "../support/form-grid";
import { seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

const BLOCK = { first: 6, last: 6 + GOOD_ROWS.length - 1 };

describe("defined names", () => {
  test("a user's own 产出指标 name (a hand-made dependent dropdown) is left alone; the rules use jx_ names and say so", async () => {
    const fake = setup();
    fake.addSheet("我的清单").seed("A1", [["数量"], ["质量"]]);
    fake.state.names.push({ name: "产出指标", formula: "=我的清单!$A$1:$A$2", comment: "", visible: true });
    seedForm(fake);
    const r = await installNativeRules();
    if (!r.ok) throw r.error;
    expect(r.value.namesTaken).toEqual(["产出指标"]);
    expect(r.value.notes.join("")).toMatch(/已有名称“产出指标”.*jx_/);
    const names = new Map(fake.state.names.map((n) => [n.name, n.formula]));
    expect(names.get("产出指标")).toBe("=我的清单!$A$1:$A$2"); // untouched
    for (const d of definedNames(PREFIXED_NAMES)) expect(names.get(d.name)).toBe(`=${d.reference}`);
    expect(names.has("一级指标")).toBe(false); // the familiar set was not added beside it
    // Dropdowns and formats use the prefixed names.
    const level2 = validationSpecs(BLOCK, PREFIXED_NAMES).find((v) => v.field === "level2");
    expect(fake.sheet("Sheet1").validationAt("C7")?.list?.source).toBe(level2?.source);
    const formulas = fake.sheet("Sheet1").conditionalFormats.map((cf) => cf.formula).sort();
    expect(formulas).toEqual(conditionalFormatSpecs(BLOCK, PREFIXED_NAMES).map((s) => s.formula).sort());

    // Installing again keeps to the same names and writes no format twice; the check sees them as native.
    const again = await installNativeRules();
    if (!again.ok) throw again.error;
    expect(again.value.conditionalFormats).toEqual([]);
    fake.user.edit("Sheet1", "D8", "");
    const checked = await markFindings();
    if (!checked.ok) throw checked.error;
    expect(checked.value.findings.some((f) => f.rule === "level3-missing" && f.cell === "D8")).toBe(true);
    expect(checked.value.marked).not.toContain("D8");
  });

  test("一级指标 left pointing at #REF! is not taken for ours", async () => {
    const fake = setup();
    fake.state.names.push({ name: "一级指标", formula: "=#REF!", comment: "", visible: true });
    const r = await insertForm({ year: 2027 });
    if (!r.ok) throw r.error;
    expect(r.value.notes.join("")).toMatch(/“一级指标”/);
    expect(fake.state.names.find((n) => n.name === "一级指标")?.formula).toBe("=#REF!");
    expect(fake.sheet("Sheet1").validationAt("B7")?.list?.source).toBe(`=${PREFIXED_NAMES.level1}`);
  });

  test("names that point where ours must are reused; a jixiao_ helper pointing wrong is pointed right again", async () => {
    const fake = setup();
    seedForm(fake);
    const first = await installNativeRules();
    if (!first.ok) throw first.error;
    expect(first.value.namesTaken).toEqual([]);
    const helper = fake.state.names.find((n) => n.name === NAMES.positions);
    if (!helper) throw new Error("no helper name");
    helper.formula = "=#REF!";
    const again = await installNativeRules();
    if (!again.ok) throw again.error;
    expect(again.value.namesTaken).toEqual([]);
    expect(again.value.namesAdded).toEqual([NAMES.positions]);
    const names = new Map(fake.state.names.map((n) => [n.name, n.formula]));
    for (const d of definedNames(NAMES)) expect(names.get(d.name)).toBe(`=${d.reference}`);
    expect(fake.sheet("Sheet1").validationAt("B7")?.list?.source).toBe(`=${NAMES.level1}`);
  });

  test("with our own names the dropdown sources stay within Excel's 255 characters, wherever the block sits", () => {
    for (const first of [6, 99, 998, 9998]) {
      for (const v of validationSpecs({ first, last: first + 500 }, PREFIXED_NAMES)) expect(v.source.length).toBeLessThanOrEqual(255);
    }
  });
});

describe("names and formats as Excel gives them back", () => {
  test("a name's reference spelled Excel's way (no =, quoted sheet, other case) is still ours: nothing re-added", async () => {
    const fake = setup();
    seedForm(fake);
    const first = await installNativeRules();
    if (!first.ok) throw first.error;
    for (const n of fake.state.names) {
      n.formula = n.formula.replace(/^=/, "").replace(/(^|[^'A-Za-z0-9_])(_jixiao_lists)!/g, "$1'$2'!").toLowerCase();
    }
    const respelled = fake.state.names.map((n) => n.formula);
    expect(respelled.some((f) => f.startsWith("'_jixiao_lists'!"))).toBe(true);
    const again = await installNativeRules();
    if (!again.ok) throw again.error;
    expect([again.value.namesAdded, again.value.namesTaken, again.value.listsSheetAdded]).toEqual([[], [], false]);
    expect(fake.state.names.map((n) => n.formula)).toEqual(respelled);
  });

  test("a reference to another cell of the lists sheet is not ours: pointed right again", async () => {
    const fake = setup();
    seedForm(fake);
    const first = await installNativeRules();
    if (!first.ok) throw first.error;
    const level1 = fake.state.names.find((n) => n.name === NAMES.level1);
    if (!level1) throw new Error("no level-1 name");
    const right = level1.formula;
    level1.formula = right.replace(/\$A\$/g, "$B$");
    expect(level1.formula).not.toBe(right);
    const again = await installNativeRules();
    if (!again.ok) throw again.error;
    // 一级指标 is a familiar name: pointing elsewhere it is the user's, left alone, and the jx_ set is used.
    expect(again.value.namesTaken).toEqual([NAMES.level1]);
    expect(fake.state.names.find((n) => n.name === NAMES.level1)?.formula).toBe(right.replace(/\$A\$/g, "$B$"));
  });

  test("the user's own conditional format above the native ones keeps its place on top when they are replaced", async () => {
    const fake = setup();
    seedForm(fake);
    await fake.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Sheet1").getRange("J7:J12").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=J7="待定"';
      cf.custom.format.fill.color = "#00FF00";
      await ctx.sync();
    });
    const first = await installNativeRules();
    if (!first.ok) throw first.error;
    // Move the user's format to the top, as the user would in the rules manager.
    const own = fake.sheet("Sheet1").state.conditionalFormats.find((c) => c.formula === '=J7="待定"');
    if (!own) throw new Error("no own format");
    for (const c of fake.sheet("Sheet1").state.conditionalFormats) c.priority += 1;
    own.priority = 0;
    const before = fake.sheet("Sheet1").state.conditionalFormats.map((c) => c.id);
    const added = await addIndicatorRows(2); // the native formats are replaced over the grown block
    if (!added.ok) throw added.error;
    expect(fake.sheet("Sheet1").state.conditionalFormats.filter((c) => !before.includes(c.id)).length).toBeGreaterThan(0);
    const cfs = fake.sheet("Sheet1").conditionalFormats;
    expect(cfs[0]?.formula).toBe('=J7="待定"');
    expect(cfs.filter((c) => c.formula === '=J7="待定"')).toHaveLength(1);
  });
});
