// Defined names: a familiar name (一级指标, 产出指标…) is reused only when it points where ours must. A user's own
// name, or one left pointing at #REF!, is left alone and the rules use jx_ names, and the user is told.

import { definedNames, NAMES, PREFIXED_NAMES, conditionalFormatSpecs, validationSpecs } from "../../src/domain/native";
import { insertForm } from "../../src/excel/insert";
import { installNativeRules } from "../../src/excel/nativeRules";
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
