import { conditionalFormatSpecs, validationSpecs } from "../../src/domain/native";
import { checkActiveSheet } from "../../src/excel/check";
import { installNativeRules } from "../../src/excel/nativeRules";
import { addIndicatorRows, setPrintMerges } from "../../src/excel/rows";
import { ensureCell } from "../support/fake-excel/state";
import { GOOD_ROWS } from "../support/form-grid";
import { manyRows, seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

async function formWithRules(rows = GOOD_ROWS, options: Parameters<typeof setup>[0] = {}) {
  const fake = setup(options);
  seedForm(fake, rows);
  const r = await installNativeRules();
  if (!r.ok) throw r.error;
  return fake;
}

describe("addIndicatorRows", () => {
  test("at the end: empty rows end the block, inside every dropdown and conditional format, in two round trips", async () => {
    const fake = await formWithRules();
    const lastRow = fake.sheet("Sheet1").values("A12:J12");
    const signoff = fake.sheet("Sheet1").value("A14");
    fake.resetCounters();
    const r = await addIndicatorRows(3);
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(2);
    expect(r.value).toMatchObject({ first: 13, last: 15, added: 3 });
    const sheet = fake.sheet("Sheet1");
    expect(sheet.values("A12:J12")).toEqual(lastRow); // the last indicator stays where it was
    expect(sheet.values("A13:J15").flat().every((v) => v === "")).toBe(true);
    expect(sheet.value("A17")).toBe(signoff); // the sign-off lines moved down
    // The rules now cover the new rows: the same specs as for a block of 9 rows.
    const grown = { first: 6, last: 14 };
    for (const spec of validationSpecs(grown)) expect(sheet.validations.map((v) => v.address)).toContain(spec.range);
    expect(sheet.conditionalFormats.map((c) => [c.address, c.formula])).toEqual(conditionalFormatSpecs(grown).map((s) => [s.range, s.formula]));
    expect(sheet.validationAt("B15")?.list?.source).toBe("=一级指标");
  });

  test("at the end nothing of the user's moves: values, formulas, formats and their own rules stay in their cells", async () => {
    const fake = await formWithRules();
    const sheet = fake.sheet("Sheet1");
    // The user's own touches on the last indicator row and the block: a fill, a formula, a format of their own.
    ensureCell(sheet.state, 11, 9).format.fill = "#FFFF00";
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("J12").formulas = [["=LEN(D12)"]];
      const cf = ws.getRange("J7:J12").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=J7="待定"';
      cf.custom.format.fill.color = "#00FF00";
      await ctx.sync();
    });
    const cells = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].map((c) => {
        const a = `${c}${from + i}`;
        return [sheet.value(a), sheet.formula(a), sheet.numberFormat(a), sheet.format(a), sheet.border(a, "bottom")];
      }));
    const block = cells(1, 12);
    const below = cells(13, 20);
    const userCf = sheet.conditionalFormats.filter((c) => c.formula === '=J7="待定"');

    const r = await addIndicatorRows(3);
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ first: 13, last: 15 });
    expect(cells(1, 12)).toEqual(block); // not one of the user's cells moved or changed
    expect(cells(16, 23)).toEqual(below); // what was below the block sits 3 rows lower, unchanged
    expect(sheet.formula("J12")).toBe("=LEN(D12)");
    expect(sheet.conditionalFormats.filter((c) => c.formula === '=J7="待定"')).toEqual(userCf); // the user's own rule is theirs
    // The new rows: empty, formatted like the row above, with the dropdowns and the native formats.
    expect(sheet.values("A13:J15").flat().every((v) => v === "")).toBe(true);
    expect(sheet.format("D14")).toEqual(sheet.format("D12"));
    expect(sheet.border("D15", "bottom")).toEqual(sheet.border("D12", "bottom"));
    expect(sheet.validationAt("B15")?.list?.source).toBe("=一级指标");
    expect(sheet.validationAt("C13")?.list?.source).toMatch(/^=CHOOSE/);
    expect(sheet.validationAt("E14")?.list?.source).toBe("=指标值类型");
    // The native formats once each, over the grown block, before the user's own.
    const grown = { first: 6, last: 14 };
    const native = sheet.conditionalFormats.filter((c) => c.formula !== '=J7="待定"');
    expect(native.map((c) => [c.address, c.formula])).toEqual(conditionalFormatSpecs(grown).map((x) => [x.range, x.formula]));
  });

  test("rows added at the end twice: the second batch goes below the first, the rules cover all, nothing duplicated", async () => {
    const fake = await formWithRules();
    const first = await addIndicatorRows(2);
    if (!first.ok) throw first.error;
    fake.resetCounters();
    const second = await addIndicatorRows(3);
    if (!second.ok) throw second.error;
    expect(fake.syncCount).toBe(2);
    expect(second.value).toMatchObject({ first: 15, last: 17 });
    const sheet = fake.sheet("Sheet1");
    const grown = { first: 6, last: 16 };
    expect(sheet.conditionalFormats.map((c) => [c.address, c.formula])).toEqual(conditionalFormatSpecs(grown).map((x) => [x.range, x.formula]));
    for (const spec of validationSpecs(grown)) expect(sheet.validations.map((v) => v.address)).toContain(spec.range);
    expect(sheet.validationAt("B17")?.list?.source).toBe("=一级指标");
    // An indicator typed into an added row is part of the form.
    fake.user.edit("Sheet1", "D16", "新增指标");
    const checked = await checkActiveSheet({ mark: false });
    if (!checked.ok) throw checked.error;
    expect(checked.value.forms[0]?.lastRow).toBe(16);
  });

  test("a form without the native rules gets rows, and no rules it did not have", async () => {
    const fake = setup();
    seedForm(fake);
    const r = await addIndicatorRows(2);
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ first: 13, last: 14 });
    expect(fake.sheet("Sheet1").validations).toEqual([]);
    expect(fake.sheet("Sheet1").conditionalFormats).toEqual([]);
  });

  test("after the selected last row: like the end, the rules grow over the new rows", async () => {
    const fake = await formWithRules();
    fake.user.select("Sheet1", "D12");
    const r = await addIndicatorRows(1, { after: "selection" });
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ first: 13, last: 13 });
    expect(fake.sheet("Sheet1").conditionalFormats.map((c) => c.address)).toEqual(conditionalFormatSpecs({ first: 6, last: 12 }).map((x) => x.range));
    expect(fake.sheet("Sheet1").validationAt("B13")?.list?.source).toBe("=一级指标");
  });

  test("after the selected row: new rows right below it, the rows below move down", async () => {
    const fake = await formWithRules();
    const ninth = fake.sheet("Sheet1").values("A9:J9");
    fake.user.select("Sheet1", "D8");
    const r = await addIndicatorRows(2, { after: "selection" });
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ first: 9, last: 10 });
    expect(fake.sheet("Sheet1").values("A9:J10").flat().every((v) => v === "")).toBe(true);
    expect(fake.sheet("Sheet1").values("A11:J11")).toEqual(ninth);
    expect(fake.sheet("Sheet1").validationAt("C10")?.list?.source).toMatch(/^=CHOOSE/);
  });

  test("the form still checks cleanly after rows are added (no findings for empty rows)", async () => {
    const fake = await formWithRules();
    const before = await checkActiveSheet({ mark: false });
    const r = await addIndicatorRows(2);
    if (!r.ok) throw r.error;
    const after = await checkActiveSheet({ mark: false });
    if (!before.ok || !after.ok) throw new Error("check failed");
    expect(after.value.findings.map((f) => f.rule)).toEqual(before.value.findings.map((f) => f.rule));
    expect(fake.sheet("Sheet1").usedAddress()).toBeTruthy();
  });

  test("a selection outside the indicator rows is refused for 'selection'", async () => {
    const fake = await formWithRules();
    fake.user.select("Sheet1", "B3");
    const before = fake.sheet("Sheet1").snapshot();
    const r = await addIndicatorRows(1, { after: "selection" });
    expect(r.ok ? null : r.error.code).toBe("no-selection");
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
  });

  test("a count out of range is refused before anything is sent", async () => {
    const fake = await formWithRules();
    fake.resetCounters();
    const r = await addIndicatorRows(0);
    expect(r.ok).toBe(false);
    expect(fake.syncCount).toBe(0);
  });

  test("round trips are the same at 10, 100 and 1000 rows", async () => {
    const counts: number[] = [];
    for (const n of [10, 100, 1000]) {
      const fake = await formWithRules(manyRows(n), { payloadLimit: null });
      fake.resetCounters();
      const r = await addIndicatorRows(5);
      if (!r.ok) throw r.error;
      expect(r.value.first).toBe(7 + n);
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([2, 2, 2]);
  });
});

describe("setPrintMerges", () => {
  test("merges the level-1 blocks and the 绩效指标 column for printing, and unmerges the level-1 blocks with one level-1 per row", async () => {
    const rows = GOOD_ROWS.map((r) => ({ ...r }));
    rows[2] = { ...rows[2], level1: "产出指标" }; // one row typed, one left blank: both are the block
    const fake = await formWithRules(rows);
    fake.resetCounters();
    const merged = await setPrintMerges(true);
    if (!merged.ok) throw merged.error;
    expect(fake.syncCount).toBe(2);
    expect(fake.sheet("Sheet1").merges).toEqual(expect.arrayContaining(["B8:B10", "A6:A12"]));
    expect(fake.sheet("Sheet1").merges.filter((m) => m.startsWith("B"))).toEqual(["B8:B10"]);
    expect(fake.sheet("Sheet1").value("B8")).toBe("产出指标");
    expect(fake.sheet("Sheet1").value("A6")).toBe("绩效指标");

    const unmerged = await setPrintMerges(false);
    if (!unmerged.ok) throw unmerged.error;
    // The level-1 cells are one a row again; the 绩效指标 label keeps spanning its rows (no dropdown there).
    expect(fake.sheet("Sheet1").merges.filter((m) => /^[AB]/.test(m) && Number(/\d+/.exec(m)?.[0]) >= 6 && Number(/\d+/.exec(m)?.[0]) <= 12)).toEqual(["A6:A12"]);
    expect(fake.sheet("Sheet1").values("B7:B12").map((r) => r[0])).toEqual(["成本指标", "产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]);
    // Dropdowns are still there and row insertion works again.
    expect(fake.sheet("Sheet1").validationAt("B9")?.list?.source).toBe("=一级指标");
    const added = await addIndicatorRows(1);
    expect(added.ok).toBe(true);
  });

  test("no form: typed error", async () => {
    setup();
    const r = await setPrintMerges(true);
    expect(r.ok ? null : r.error.code).toBe("no-form");
  });

  test("round trips are the same at 10, 100 and 1000 rows", async () => {
    const counts: number[] = [];
    for (const n of [10, 100, 1000]) {
      const fake = setup({ payloadLimit: null });
      seedForm(fake, manyRows(n));
      fake.resetCounters();
      const r = await setPrintMerges(true);
      if (!r.ok) throw r.error;
      counts.push(fake.syncCount);
      fake.resetCounters();
      const back = await setPrintMerges(false);
      if (!back.ok) throw back.error;
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([2, 2, 2, 2, 2, 2]);
  });
});

describe("rows at their edges", () => {
  test.each([[0], [-1], [1.5], [501], [Number.NaN]])("a count of %s is refused, naming the most that can be added", async (count) => {
    const fake = await formWithRules();
    fake.resetCounters();
    const r = await addIndicatorRows(count);
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(["host", expect.stringMatching(/500/)]);
    expect(fake.syncCount).toBe(0);
  });

  test.each([[1], [500]])("a count of %s is added", async (count) => {
    const fake = await formWithRules();
    const r = await addIndicatorRows(count);
    if (!r.ok) throw r.error;
    expect(r.value).toEqual({ sheetName: "Sheet1", first: 13, last: 12 + count, added: count });
    expect(fake.sheet("Sheet1").value(`A${14 + count}`)).toMatch(/审核/);
  });

  test("after the selected first and last indicator rows; not after the header or below the block", async () => {
    for (const [cell, first] of [["D7", 8], ["D12", 13]] as const) {
      const fake = await formWithRules();
      fake.user.select("Sheet1", cell);
      const r = await addIndicatorRows(1, { after: "selection" });
      if (!r.ok) throw r.error;
      expect([cell, r.value.first]).toEqual([cell, first]);
    }
    for (const cell of ["D6", "D13"]) {
      const fake = await formWithRules();
      fake.user.select("Sheet1", cell);
      const r = await addIndicatorRows(1, { after: "selection" });
      expect([cell, r.ok ? null : r.error.code]).toEqual([cell, "no-selection"]);
      if (!r.ok) expect(r.error.message).toMatch(/第 ?7 ?行.*第 ?12 ?行|7.*12/);
    }
  });

  test("two forms and the selection in neither: asked which form", async () => {
    const fake = setup();
    const top = seedForm(fake);
    seedForm(fake, GOOD_ROWS, `A${top.length + 3}`);
    fake.user.select("Sheet1", `A${top.length + 1}`);
    const before = fake.sheet("Sheet1").snapshot();
    const r = await addIndicatorRows(1);
    expect(r.ok ? null : r.error.code).toBe("no-selection");
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
    fake.user.select("Sheet1", `D${top.length + 3 + 8}`);
    const second = await addIndicatorRows(1);
    if (!second.ok) throw second.error;
    expect(second.value.first).toBe(top.length + 3 + 12);
  });

  test("a table beside the form is not split: refused, naming its first cell below the insertion", async () => {
    const fake = await formWithRules();
    fake.sheet("Sheet1").seed("L10", [["旁表"], ["旁表"], ["旁表"], ["旁表"], ["旁表"]]);
    const before = fake.sheet("Sheet1").snapshot();
    const r = await addIndicatorRows(1);
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(["host", expect.stringContaining("L13")]);
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
  });

  test("text beside the form only above the insertion, or only below it, is no table split", async () => {
    const above = await formWithRules();
    above.sheet("Sheet1").seed("L3", [["上方的字"]]);
    expect((await addIndicatorRows(1)).ok).toBe(true);
    const below = await formWithRules();
    below.sheet("Sheet1").seed("L20", [["下方的字"]]);
    expect((await addIndicatorRows(1)).ok).toBe(true);
    // Column K, right of the form's last column, is beside it: above and below the insertion splits it.
    const beside = await formWithRules();
    beside.sheet("Sheet1").seed("K9", [["紧挨着的列"]]);
    beside.sheet("Sheet1").seed("K20", [["紧挨着的列"]]);
    const r = await addIndicatorRows(1);
    expect(r.ok ? null : r.error.message).toMatch(/K20/);
  });

  test("a protected sheet: the protected error before anything is written", async () => {
    const fake = await formWithRules();
    fake.sheet("Sheet1").state.protected = true;
    const before = fake.sheet("Sheet1").snapshot();
    const r = await addIndicatorRows(2);
    expect(r.ok ? null : r.error.code).toBe("protected");
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
  });

  test("setPrintMerges: a one-row block is not merged; a protected sheet is refused; nothing to merge writes nothing", async () => {
    const fake = await formWithRules();
    const merged = await setPrintMerges(true);
    if (!merged.ok) throw merged.error;
    // GOOD_ROWS: 成本 (1 row), 产出 (3 rows), 效益 (1 row), 满意度 (1 row).
    expect(merged.value.areas).toEqual(["B8:B10", "A6:A12"]);
    expect(fake.sheet("Sheet1").merges.filter((m) => /^B(7|11|12)/.test(m))).toEqual([]);

    const unmerged = await setPrintMerges(false);
    if (!unmerged.ok) throw unmerged.error;
    expect(unmerged.value.areas).toEqual(["B7:B7", "B8:B10", "B11:B11", "B12:B12"]);

    fake.sheet("Sheet1").state.protected = true;
    const refused = await setPrintMerges(true);
    expect(refused.ok ? null : refused.error.code).toBe("protected");
    expect(refused.ok ? "" : refused.error.message).toMatch(/^合并一级指标失败/);
    const refused2 = await setPrintMerges(false);
    expect(refused2.ok ? "" : refused2.error.message).toMatch(/^取消合并一级指标失败/);
  });

  test("setPrintMerges leaves the 绩效指标 column alone when the user typed in it, and blank level-1 blocks unmerged", async () => {
    const rows = GOOD_ROWS.map((r) => ({ ...r, level1: "" }));
    const fake = setup();
    seedForm(fake, rows);
    fake.sheet("Sheet1").seed("A9", [["用户的字"]]);
    fake.resetCounters();
    const r = await setPrintMerges(true);
    if (!r.ok) throw r.error;
    expect(r.value.areas).toEqual([]);
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet("Sheet1").value("A9")).toBe("用户的字");
  });
});
