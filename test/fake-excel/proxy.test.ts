/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, and the rules misjudge reads that follow a sync. */
import { createFakeExcel, FakeNotModelledError } from "../support/fake-excel";
import { codeOf } from "./support";

describe("load / sync semantics", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    const fake = createFakeExcel();
    fake.sheet("Sheet1").seed("A1", [["x"]]);
    const code = await codeOf(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        await ctx.sync();
        return r.values;
      }),
    );
    expect(code).toBe("PropertyNotLoaded");
  });

  test("a loaded property is readable only after the sync", async () => {
    const fake = createFakeExcel();
    fake.sheet("Sheet1").seed("A1", [["x", 2]]);
    const result = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.load("values, address");
      let before = "readable";
      try {
        void r.values;
      } catch (e) {
        before = (e as { code: string }).code;
      }
      await ctx.sync();
      return { before, values: r.values, address: r.address };
    });
    expect(result).toEqual({ before: "PropertyNotLoaded", values: [["x", 2]], address: "Sheet1!A1:B1" });
    expect(fake.syncCount).toBe(1);
  });

  test("loaded values are a snapshot: a later write does not change them until reloaded", async () => {
    const fake = createFakeExcel();
    fake.sheet("Sheet1").seed("A1", [["old"]]);
    const seen = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.load("values");
      await ctx.sync();
      const other = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      other.values = [["new"]];
      await ctx.sync();
      return r.values[0]?.[0];
    });
    expect(seen).toBe("old");
    expect(fake.sheet("Sheet1").value("A1")).toBe("new");
  });

  test("writes are queued and applied at sync, in order", async () => {
    const fake = createFakeExcel();
    const view = fake.sheet("Sheet1");
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["first"]];
      r.values = [["second"]];
      expect(view.value("A1")).toBe("");
      await ctx.sync();
      expect(view.value("A1")).toBe("second");
    });
    expect(fake.syncCount).toBe(1);
  });

  test("Excel.run syncs what is left queued when the batch ends, and nothing when nothing is queued", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [[5]];
    });
    expect(fake.sheet("Sheet1").value("B2")).toBe(5);
    expect(fake.syncCount).toBe(1);
    await fake.run(async () => undefined);
    expect(fake.syncCount).toBe(1);
  });

  test("load() with no argument loads the scalar properties; navigation paths load children", async () => {
    const fake = createFakeExcel();
    const got = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("C3:D4");
      r.load(); // eslint-disable-line office-addins/no-empty-load -- testing the no-argument form
      r.load("format/font/name");
      await ctx.sync();
      return { rowIndex: r.rowIndex, columnCount: r.columnCount, font: r.format.font.name };
    });
    expect(got).toEqual({ rowIndex: 2, columnCount: 2, font: "等线" });
  });

  test("touching a member the fake does not model fails loudly", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as Record<string, unknown>;
        return r.hyperlink;
      }),
    ).rejects.toBeInstanceOf(FakeNotModelledError);
  });

  test("a context cannot be used after its Excel.run ended", async () => {
    const fake = createFakeExcel();
    let kept: Excel.Range | undefined;
    await fake.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await ctx.sync();
    });
    expect(() => (kept as Excel.Range).load("values")).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
  });
});

describe("values, formulas and number formats", () => {
  test("dimensions must match the range: InvalidArgument at sync", async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [["a", "b"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(fake.sheet("Sheet1").value("A1")).toBe("");
  });

  test("numberFormat dimensions are checked too", async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").numberFormat = [["@"], ["@"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  test("null leaves a cell unchanged", async () => {
    const fake = createFakeExcel();
    fake.sheet("Sheet1").seed("A1", [["keep", "old"]]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null as unknown as string, "new"]];
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").values("A1:B1")).toEqual([["keep", "new"]]);
  });

  test("text is converted as if typed: '=' makes a formula, numbers and percents become numbers, '@' and an apostrophe keep text", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D1").values = [["=未达标扣2分", "100", "95%", "'=保持文字"]];
      ws.getRange("E1").numberFormat = [["@"]];
      ws.getRange("E1").values = [["=也是文字"]];
      await ctx.sync();
    });
    const v = fake.sheet("Sheet1");
    expect(v.formula("A1")).toBe("=未达标扣2分");
    expect(v.value("B1")).toBe(100);
    expect(v.value("C1")).toBe(0.95);
    expect(v.text("C1")).toBe("95%");
    expect(v.value("D1")).toBe("=保持文字");
    expect(v.formula("D1")).toBeNull();
    expect(v.value("E1")).toBe("=也是文字");
    expect(v.formula("E1")).toBeNull();
  });

  test("a formatted multi-cell property reads null where cells differ", async () => {
    const fake = createFakeExcel();
    const got = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").format.font.bold = true;
      const both = ws.getRange("A1:B1");
      both.format.font.load("bold");
      const one = ws.getRange("A1");
      one.format.font.load("bold");
      await ctx.sync();
      return [both.format.font.bold, one.format.font.bold];
    });
    expect(got).toEqual([null, true]);
  });

  test("merging keeps the top-left value; writing into a merged area's other cells fails", async () => {
    const fake = createFakeExcel();
    fake.sheet("Sheet1").seed("A1", [["title", "gone"]]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").merge(false);
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").merges).toEqual(["A1:C1"]);
    expect(fake.sheet("Sheet1").values("A1:C1")).toEqual([["title", "", ""]]);
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [["x"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  test("borders are edges: a cell's bottom is the next cell's top", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").format.borders;
      b.getItem("InsideHorizontal").style = "Continuous";
      b.getItem("EdgeLeft").style = "Continuous";
      await ctx.sync();
    });
    const v = fake.sheet("Sheet1");
    expect(v.border("A1", "bottom")?.style).toBe("Continuous");
    expect(v.border("A2", "top")?.style).toBe("Continuous");
    expect(v.border("A1", "top")).toBeNull();
    expect(v.border("B1", "left")).toBeNull();
    expect(v.border("A2", "left")?.style).toBe("Continuous");
  });

  test("column widths and row heights are stored in points per column and row", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B:C").format.columnWidth = 90;
      ws.getRange("3:3").format.rowHeight = 42;
      await ctx.sync();
    });
    expect([fake.sheet("Sheet1").columnWidth(1), fake.sheet("Sheet1").columnWidth(2), fake.sheet("Sheet1").columnWidth(3)]).toEqual([90, 90, 48]);
    expect(fake.sheet("Sheet1").rowHeight(2)).toBe(42);
  });
});
