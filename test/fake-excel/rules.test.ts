/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, and the rules misjudge reads that follow a sync. */
import { createFakeExcel } from "../support/fake-excel";
import { codeOf } from "./support";

// Only for the Excel.* enums; each test runs its own fake through fake.run.
let uninstall: () => void = () => undefined;
beforeAll(() => (uninstall = createFakeExcel().install()));
afterAll(() => uninstall());

describe("data validation", () => {
  test("list and custom rules with prompt and alert are stored on their ranges; clear removes only the overlap", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const dv = ws.getRange("B7:B20").dataValidation;
      dv.prompt = { title: "一级指标", message: "请从下拉列表选择", showPrompt: true };
      dv.rule = { list: { inCellDropDown: true, source: "=一级指标" } };
      dv.errorAlert = { title: "输入有误", message: "请选择四类一级指标之一", showAlert: true, style: "Stop" };
      ws.getRange("F7:F20").dataValidation.rule = { custom: { formula: '=OR(E7="定性",ISNUMBER(F7))' } };
      await ctx.sync();
      ws.getRange("B10:B11").dataValidation.clear();
      await ctx.sync();
    });
    const v = fake.sheet("Sheet1");
    expect(v.validationAt("B7")).toEqual({ list: { inCellDropDown: true, source: "=一级指标" } });
    expect(v.validationAt("B10")).toBeNull();
    expect(v.validationAt("B12")?.list?.source).toBe("=一级指标");
    expect(v.validationAt("F20")).toEqual({ custom: { formula: '=OR(E7="定性",ISNUMBER(F7))' } });
    const b = v.validations.find((x) => x.rule?.list);
    expect(b?.address).toBe("B7:B9,B12:B20");
    expect(b?.prompt).toEqual({ title: "一级指标", message: "请从下拉列表选择", showPrompt: true });
    expect(b?.errorAlert.style).toBe("Stop");
  });

  test("reading the rule back needs load + sync; an explicit list over 255 characters is refused", async () => {
    const fake = createFakeExcel();
    const type = await fake.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("E7:E9").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "≥,>,=,≤,<,定性" } };
      await ctx.sync();
      dv.load("type, rule");
      await ctx.sync();
      return [dv.type, dv.rule.list?.source];
    });
    expect(type).toEqual(["List", "≥,>,=,≤,<,定性"]);
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "x,".repeat(130) } };
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    // A formula source too: 255 characters is Excel's Formula1 limit whatever the source is; a rule formula over
    // 8,192 characters is refused as well.
    const tooLong = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: `=CHOOSE(1,${"A1,".repeat(90)}A1)` } };
        await ctx.sync();
      }),
    );
    expect(tooLong).toBe("InvalidArgument");
    const cf = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = `=AND(${"TRUE,".repeat(2000)}TRUE)`;
        await ctx.sync();
      }),
    );
    expect(cf).toBe("InvalidArgument");
  });

  test("on the web a rule over cells whose validation settings differ fails (office-js #2594); the desktop accepts it", async () => {
    for (const platform of ["web", "desktop"] as const) {
      const fake = createFakeExcel({ platform });
      const code = await codeOf(
        fake.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem("Sheet1");
          ws.getRange("B5:B10").dataValidation.prompt = { message: "a", showPrompt: true, title: "t" };
          ws.getRange("B1:B10").dataValidation.rule = { list: { inCellDropDown: true, source: "x,y" } };
          await ctx.sync();
        }),
      );
      expect([platform, code]).toEqual([platform, platform === "web" ? "InvalidArgument" : "no error"]);
    }
    const ok = createFakeExcel({ platform: "web" });
    const code = await codeOf(
      ok.run(async (ctx) => {
        const dv = ok && ctx.workbook.worksheets.getItem("Sheet1").getRange("B1:B10").dataValidation;
        dv.prompt = { message: "a", showPrompt: true, title: "t" };
        dv.rule = { list: { inCellDropDown: true, source: "x,y" } };
        await ctx.sync();
      }),
    );
    expect(code).toBe("no error");
  });
});

describe("conditional formats", () => {
  test("custom formats: formula, colours, priority (newest first), count, clearAll", async () => {
    const fake = createFakeExcel();
    const count = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B7:J20");
      const red = r.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      red.custom.rule.formula = '=AND($D7<>"",$E7="")';
      red.custom.format.fill.color = "#FFC7CE";
      red.custom.format.font.color = "#9C0006";
      red.stopIfTrue = true;
      const amber = r.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      amber.custom.rule.formula = '=AND($D7<>"",$G7="")';
      amber.custom.format.fill.color = "#FFEB9C";
      const n = r.conditionalFormats.getCount();
      await ctx.sync();
      return n.value;
    });
    expect(count).toBe(2);
    const cfs = fake.sheet("Sheet1").conditionalFormats;
    expect(cfs.map((c) => [c.address, c.formula, c.fillColor, c.priority])).toEqual([
      ["B7:J20", '=AND($D7<>"",$G7="")', "#FFEB9C", 0],
      ["B7:J20", '=AND($D7<>"",$E7="")', "#FFC7CE", 1],
    ]);
    expect(cfs[1]?.fontColor).toBe("#9C0006");
    expect(cfs[1]?.stopIfTrue).toBe(true);
    const items = await fake.run(async (ctx) => {
      const coll = ctx.workbook.worksheets.getItem("Sheet1").getRange("C8").conditionalFormats;
      coll.load("items/type, items/priority");
      await ctx.sync();
      const range = coll.items[0]?.getRange();
      range?.load("address");
      coll.clearAll();
      await ctx.sync();
      return { types: coll.items.map((i) => i.type), address: range?.address };
    });
    expect(items).toEqual({ types: ["Custom", "Custom"], address: "Sheet1!B7:J20" });
    expect(fake.sheet("Sheet1").conditionalFormats.map((c) => c.address)).toEqual(["B7:J7,B9:J20,B8,D8:J8", "B7:J7,B9:J20,B8,D8:J8"]);
  });

  test("a formula that does not start with '=' or is unbalanced is refused", async () => {
    const fake = createFakeExcel();
    for (const formula of ["AND(A1)", "=AND(A1"]) {
      const code = await codeOf(
        fake.run(async (ctx) => {
          const cf = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").conditionalFormats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = formula;
          await ctx.sync();
        }),
      );
      expect(code).toBe("InvalidArgument");
    }
  });
});

describe("inserting rows moves what is below and grows what spans the insertion", () => {
  test("cells, merges, validations, conditional formats, formulas and names follow the rows", async () => {
    const fake = createFakeExcel({ sheets: ["Form", "lists"] });
    const v = fake.sheet("Form");
    v.seed("B7", [["成本指标"], ["产出指标"]]);
    v.seed("A30", [["填表说明"]]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Form");
      ws.getRange("A25:E25").merge(false);
      ws.getRange("B7:B20").dataValidation.rule = { list: { inCellDropDown: true, source: "=一级指标" } };
      ws.getRange("C7:C20").dataValidation.rule = { list: { inCellDropDown: true, source: "=INDIRECT($B7)" } };
      const cf = ws.getRange("B7:J20").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=AND($D7<>"",$E7="")';
      ws.getRange("K1").formulas = [["=COUNTA(D7:D20)+Form!$A$30"]];
      ctx.workbook.names.add("说明", ws.getRange("A30"));
      await ctx.sync();
      ws.getRange("9:10").insert("Down"); // inside the grid
      ws.getRange("3:3").insert("Down"); // above everything
      await ctx.sync();
    });
    expect(v.value("B8")).toBe("成本指标");
    expect(v.value("B9")).toBe("产出指标");
    expect(v.value("A33")).toBe("填表说明");
    expect(v.merges).toEqual(["A28:E28"]);
    expect(v.validations.map((x) => [x.address, x.rule?.list?.source])).toEqual([
      ["B8:B23", "=一级指标"],
      ["C8:C23", "=INDIRECT($B8)"],
    ]);
    expect(v.conditionalFormats.map((c) => [c.address, c.formula])).toEqual([["B8:J23", '=AND($D8<>"",$E8="")']]);
    expect(v.formula("K1")).toBe("=COUNTA(D8:D23)+Form!$A$33");
    expect(fake.state.names[0]?.formula).toBe("=Form!$A$33");
    // the inserted rows take the format of the row above and carry the rules
    expect(v.validationAt("B11")?.list?.source).toBe("=一级指标");
  });

  test("references to other sheets and text in quotes are left alone", async () => {
    const fake = createFakeExcel({ sheets: ["Form", "lists"] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Form");
      ws.getRange("A1").formulas = [['=lists!A5&"B9"&B9&LOG10(100)']];
      ws.getRange("5:5").insert("Down");
      await ctx.sync();
    });
    expect(fake.sheet("Form").formula("A1")).toBe('=lists!A5&"B9"&B10&LOG10(100)');
  });
});

describe("reading conditional formats back", () => {
  test("items/customOrNullObject/rule/formula loads the formula of custom formats in one sync", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Sheet1").getRange("B7:B9").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$B7=""';
      await ctx.sync();
    });
    const syncsBefore = fake.syncCount;
    const formulas = await fake.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats;
      cfs.load("items/type,items/customOrNullObject/rule/formula");
      await ctx.sync();
      return cfs.items.map((c) => (c.customOrNullObject.isNullObject ? null : c.customOrNullObject.rule.formula));
    });
    expect(formulas).toEqual(['=$B7=""']);
    expect(fake.syncCount - syncsBefore).toBe(1);
  });

  // office.js addresses a loaded item by its key only when the load result holds it, else by position
  // (ObjectPathFactory.createChildItemObjectPathUsingIndexerOrGetItemAt); ConditionalFormat.priority's reference
  // says to fetch a format again after its position changed.
  test.each([
    ["with items/id, each object stays its format", "items/id,items/type,items/customOrNullObject/rule/formula", ["=B1=3"]],
    ["without the id, an object stands for a position: the second delete hits the format that moved up", "items/type,items/customOrNullObject/rule/formula", ["=B1=2"]],
  ])("deleting two formats in one batch, %s", async (_what, paths, left) => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
      for (const f of ["=B1=3", "=B1=2", "=B1=1"]) range.conditionalFormats.add(Excel.ConditionalFormatType.custom).custom.rule.formula = f;
      await ctx.sync();
    });
    // Priorities now: =B1=1 (0), =B1=2 (1), =B1=3 (2). Delete =B1=1 and =B1=2.
    await fake.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats;
      cfs.load(paths);
      await ctx.sync();
      for (const cf of cfs.items.filter((c) => c.customOrNullObject.rule.formula !== "=B1=3")) cf.delete();
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").conditionalFormats.map((c) => c.formula)).toEqual(left);
  });
});
