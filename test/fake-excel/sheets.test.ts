/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, and the rules misjudge reads that follow a sync. */
import { createFakeExcel, protectSheet } from "../support/fake-excel";
import { codeOf } from "./support";

describe("worksheets and collections", () => {
  test("getItem of a missing sheet throws ItemNotFound at sync, not at the call", async () => {
    const fake = createFakeExcel();
    let calledFine = false;
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("没有");
        calledFine = true;
        await ctx.sync();
      }),
    );
    expect(calledFine).toBe(true);
    expect(code).toBe("ItemNotFound");
  });

  test("getItemOrNullObject: isNullObject readable after sync; calls on the null object do nothing", async () => {
    const fake = createFakeExcel();
    const got = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("2027年");
      let early = "readable";
      try {
        void ws.isNullObject;
      } catch (e) {
        early = (e as { code: string }).code;
      }
      ws.delete();
      await ctx.sync();
      const existing = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      await ctx.sync();
      return { early, missing: ws.isNullObject, existing: existing.isNullObject };
    });
    expect(got).toEqual({ early: "PropertyNotLoaded", missing: true, existing: false });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("items are readable after load; load('items/name') loads only names", async () => {
    const fake = createFakeExcel({ sheets: ["A", "B"] });
    const got = await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const count = sheets.getCount();
      await ctx.sync();
      let visibility = "readable";
      try {
        void sheets.items[0]?.visibility;
      } catch (e) {
        visibility = (e as { code: string }).code;
      }
      return { names: sheets.items.map((s) => s.name), count: count.value, visibility };
    });
    expect(got).toEqual({ names: ["A", "B"], count: 2, visibility: "PropertyNotLoaded" });
  });

  test("add rejects a duplicate name; very hidden sheets stay in the collection", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("指标库");
      ws.visibility = "VeryHidden";
      await ctx.sync();
    });
    expect(fake.sheet("指标库").visibility).toBe("VeryHidden");
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("指标库");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemAlreadyExists");
  });

  test("the last visible sheet cannot be hidden", async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidOperation");
  });

  test("copy Before/After fails with InvalidArgument (office-js #775); copy to End is named 'X (2)' and leaves the source as it was", async () => {
    const fake = createFakeExcel({ sheets: ["2026年", "Other"] });
    const src = fake.sheet("2026年");
    src.seed("A1", [["标题"]]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("2026年").getRange("B2:B3").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      await ctx.sync();
    });
    const before = src.snapshot();
    const code = await codeOf(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("2026年");
        ws.copy("Before", ctx.workbook.worksheets.getItem("Other"));
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    const name = await fake.run(async (ctx) => {
      const copy = ctx.workbook.worksheets.getItem("2026年").copy("End");
      copy.load("name, position");
      await ctx.sync();
      return `${copy.name}@${copy.position}`;
    });
    expect(name).toBe("2026年 (2)@2");
    expect(fake.sheet("2026年 (2)").value("A1")).toBe("标题");
    expect(fake.sheet("2026年 (2)").validations.map((v) => v.address)).toEqual(["B2:B3"]);
    expect(src.snapshot()).toBe(before);
  });

  test("renaming to a name in use fails; position moves the sheet", async () => {
    const fake = createFakeExcel({ sheets: ["A", "B", "C"] });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("C").position = 0;
      await ctx.sync();
    });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["C", "A", "B"]);
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").name = "b";
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemAlreadyExists");
  });

  test("used range: OrNullObject is null on an empty sheet; getUsedRange(true) ignores formats", async () => {
    const fake = createFakeExcel();
    const got = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const empty = ws.getUsedRangeOrNullObject(true);
      await ctx.sync();
      ws.getRange("D4").format.fill.color = "#FF0000";
      ws.getRange("B2").values = [["x"]];
      const values = ws.getUsedRange(true);
      const all = ws.getUsedRange(false);
      values.load("address");
      all.load("address");
      await ctx.sync();
      return { empty: empty.isNullObject, values: values.address, all: all.address };
    });
    expect(got).toEqual({ empty: true, values: "Sheet1!B2", all: "Sheet1!B2:D4" });
  });

  test("a protected sheet refuses writes with AccessDenied", async () => {
    const fake = createFakeExcel();
    protectSheet(fake, "Sheet1");
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    const isProtected = await fake.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Sheet1").protection;
      p.load("protected");
      await ctx.sync();
      return p.protected;
    });
    expect(isProtected).toBe(true);
  });

  test("freeze panes and page layout are stored; setPrintTitleRows wants whole rows", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.freezePanes.freezeRows(6);
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintTitleRows("$6:$6");
      ws.pageLayout.centerHorizontally = true;
      await ctx.sync();
    });
    const v = fake.sheet("Sheet1");
    expect(v.freeze).toEqual({ rows: 6, columns: 0 });
    expect(v.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$6:$6", centerHorizontally: true, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleRows("A1:J6");
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  test("an API above the fake's requirement set fails with ApiNotFound", async () => {
    const fake = createFakeExcel({ apiVersion: "1.8" });
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
        await ctx.sync();
      }),
    );
    expect(code).toBe("ApiNotFound");
  });
});

describe("names", () => {
  test("add a Chinese name for a range; getItemOrNullObject finds it ignoring case; bad names fail", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "lists"] });
    const got = await fake.run(async (ctx) => {
      const lists = ctx.workbook.worksheets.getItem("lists");
      ctx.workbook.names.add("成本指标", lists.getRange("B1:B3"));
      await ctx.sync();
      const n = ctx.workbook.names.getItemOrNullObject("成本指标");
      const none = ctx.workbook.names.getItemOrNullObject("nothing");
      n.load("formula");
      await ctx.sync();
      return { formula: n.formula, none: none.isNullObject };
    });
    expect(got).toEqual({ formula: "=lists!$B$1:$B$3", none: true });
    for (const bad of ["A1", "two words", "1abc"]) {
      const code = await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.names.add(bad, "=lists!$A$1");
          await ctx.sync();
        }),
      );
      expect(code).toBe("InvalidArgument");
    }
  });
});
