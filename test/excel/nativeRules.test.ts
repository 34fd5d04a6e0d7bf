import {
  LISTS_SHEET,
  NATIVE_COLORS,
  conditionalFormatSpecs,
  definedNames,
  listsSheetValues,
  validationSpecs,
} from "../../src/domain/native";
import { installNativeRules, probeNativeRules, queueNativeRules } from "../../src/excel/nativeRules";
import { GOOD_ROWS } from "../support/form-grid";
import { manyRows, seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

const BLOCK = { first: 6, last: 6 + GOOD_ROWS.length - 1 };

describe("installNativeRules", () => {
  test("installs exactly the domain's lists, names, dropdowns and conditional formats, in one read and one write", async () => {
    const fake = setup();
    seedForm(fake);
    fake.resetCounters();
    const r = await installNativeRules();
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(2);
    expect(r.value.forms).toEqual(["A1"]);

    // The lists sheet: very hidden, every cell text (">=" and "=" are not formulas).
    const lists = fake.sheet(LISTS_SHEET);
    expect(lists.visibility).toBe("VeryHidden");
    const expected = listsSheetValues();
    const last = String.fromCharCode(64 + (expected[0]?.length ?? 1));
    expect(lists.values(`A1:${last}${expected.length}`)).toEqual(expected);
    for (let r0 = 1; r0 <= expected.length; r0++) for (let c = 0; c < (expected[0]?.length ?? 0); c++) {
      expect(lists.formula(`${String.fromCharCode(65 + c)}${r0}`)).toBeNull();
    }

    // Defined names, workbook-scoped, pointing where the domain says.
    const names = new Map(fake.state.names.map((n) => [n.name, n.formula]));
    for (const d of definedNames()) expect(names.get(d.name)).toBe(`=${d.reference}`);

    // Dropdowns at the block, with the prompt and alert texts.
    const sheet = fake.sheet("Sheet1");
    for (const spec of validationSpecs(BLOCK)) {
      const v = sheet.validations.find((x) => x.address === spec.range);
      expect(v).toBeDefined();
      expect(v?.rule?.list).toEqual({ inCellDropDown: true, source: spec.source });
      expect(v?.prompt).toEqual({ title: spec.prompt.title, message: spec.prompt.message, showPrompt: true });
      expect(v?.errorAlert).toEqual({ title: spec.error.title, message: spec.error.message, showAlert: true, style: spec.error.style });
      expect(v?.ignoreBlanks).toBe(true);
    }

    // Conditional formats: the domain's formulas at the domain's ranges, errors red, in the domain's order.
    const specs = conditionalFormatSpecs(BLOCK);
    const cfs = sheet.conditionalFormats;
    expect(cfs.map((cf) => [cf.address, cf.formula])).toEqual(specs.map((s) => [s.range, s.formula]));
    specs.forEach((s, i) => {
      expect(cfs[i]?.fillColor).toBe(NATIVE_COLORS[s.severity].fill);
      expect(cfs[i]?.fontColor).toBe(NATIVE_COLORS[s.severity].font);
    });
  });

  test("Excel on the web (prompt before rule, #2594) accepts the dropdowns on a 1000-row block", async () => {
    const fake = setup({ platform: "web", payloadLimit: null });
    seedForm(fake, manyRows(1000));
    const r = await installNativeRules();
    if (!r.ok) throw r.error;
    expect(fake.sheet("Sheet1").validationAt("B1006")?.list?.source).toBe("=一级指标");
    expect(fake.sheet("Sheet1").validationAt("B1007")).toBeNull();
  });

  test("installing again adds nothing twice", async () => {
    const fake = setup();
    seedForm(fake);
    const first = await installNativeRules();
    if (!first.ok) throw first.error;
    const names = fake.state.names.length;
    const cfs = fake.sheet("Sheet1").conditionalFormats.length;
    const second = await installNativeRules();
    if (!second.ok) throw second.error;
    expect(second.value.listsSheetAdded).toBe(false);
    expect(second.value.namesAdded).toEqual([]);
    expect(second.value.conditionalFormats).toEqual([]);
    expect(fake.state.names).toHaveLength(names);
    expect(fake.sheet("Sheet1").conditionalFormats).toHaveLength(cfs);
    expect(fake.state.sheets.filter((s) => s.name === LISTS_SHEET)).toHaveLength(1);
  });

  test("a form in another layout is refused with a typed error, nothing written", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "C3");
    const before = fake.sheet("Sheet1").snapshot();
    const r = await installNativeRules();
    expect(r.ok ? null : r.error.code).toBe("layout-differs");
    expect(fake.sheet("Sheet1").snapshot()).toBe(before);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("Office 2016 (ExcelApi 1.7) is told that dropdowns need 1.8", async () => {
    setup({ apiVersion: "1.7" });
    const r = await installNativeRules();
    expect(r.ok ? null : r.error.code).toBe("unsupported");
    expect(r.ok ? "" : r.error.message).toMatch(/1\.8/);
  });

  test("a protected sheet gives the protected error", async () => {
    const fake = setup();
    seedForm(fake);
    fake.sheet("Sheet1").state.protected = true;
    const r = await installNativeRules();
    expect(r.ok ? null : r.error.code).toBe("protected");
  });
});

describe("queueNativeRules", () => {
  test("only queues: the caller's batch carries it in its own write sync", async () => {
    const fake = setup();
    fake.resetCounters();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const probe = probeNativeRules(context, sheet);
      await context.sync();
      const before = fake.syncCount;
      const q = queueNativeRules(context, sheet, BLOCK, probe);
      expect(fake.syncCount).toBe(before);
      expect(q.listsSheetAdded).toBe(true);
      expect(fake.state.sheets).toHaveLength(1); // nothing applied yet
      await context.sync();
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.sheet("Sheet1").validations).toHaveLength(3);
    expect(fake.sheet("Sheet1").conditionalFormats).toHaveLength(conditionalFormatSpecs(BLOCK).length);
  });
});

describe("installNativeRules at its edges", () => {
  test("two standard forms on one sheet: each block gets its rules; the lists sheet and names come once", async () => {
    const fake = setup();
    const top = seedForm(fake);
    const second = top.length + 3; // 1-based row of the second form's title
    seedForm(fake, GOOD_ROWS, `A${second}`);
    const r = await installNativeRules();
    if (!r.ok) throw r.error;
    expect(r.value.forms).toEqual(["A1", `A${second}`]);
    expect(r.value.listsSheetAdded).toBe(true);
    expect(r.value.namesAdded).toEqual(definedNames().map((d) => d.name));
    const block2 = { first: second - 1 + 6, last: second - 1 + 6 + GOOD_ROWS.length - 1 };
    expect(r.value.validations).toEqual([...validationSpecs(BLOCK), ...validationSpecs(block2)].map((s) => s.range));
    expect(r.value.conditionalFormats).toEqual([...conditionalFormatSpecs(BLOCK), ...conditionalFormatSpecs(block2)].map((s) => s.range));
    expect(r.value.notes).toEqual([]);
    expect(r.value.sheetName).toBe("Sheet1");
    expect(fake.state.sheets.filter((s) => s.name === LISTS_SHEET)).toHaveLength(1);
  });

  test("a standard form and one in another layout: only the standard one is given rules", async () => {
    const fake = setup();
    const top = seedForm(fake);
    seedForm(fake, GOOD_ROWS, `C${top.length + 3}`);
    const r = await installNativeRules();
    if (!r.ok) throw r.error;
    expect(r.value.forms).toEqual(["A1"]);
    expect(r.value.validations).toEqual(validationSpecs(BLOCK).map((s) => s.range));
  });

  test("another layout: the message names where the form starts; no form at all is the no-form error", async () => {
    const fake = setup();
    seedForm(fake, GOOD_ROWS, "C3");
    const r = await installNativeRules();
    expect(r.ok ? "" : r.error.message).toContain("C3");
    setup();
    const none = await installNativeRules();
    expect(none.ok ? null : none.error.code).toBe("no-form");
  });

  test("rows typed below the block are covered by the next install, from the first row to the new last", async () => {
    const fake = setup();
    seedForm(fake);
    const first = await installNativeRules();
    if (!first.ok) throw first.error;
    fake.user.edit("Sheet1", "B13", "产出指标");
    fake.user.edit("Sheet1", "D13", "新指标");
    const again = await installNativeRules();
    if (!again.ok) throw again.error;
    const grown = { first: 6, last: 12 };
    expect(again.value.conditionalFormats).toEqual(conditionalFormatSpecs(grown).map((s) => s.range));
    expect(fake.sheet("Sheet1").conditionalFormats.map((c) => c.address)).toEqual(conditionalFormatSpecs(grown).map((s) => s.range));
  });
});
