/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, and the rules misjudge reads that follow a sync. */
import { ActivatedArgs, ChangedArgs, createFakeExcel, SelectionChangedArgs } from "../support/fake-excel";

async function subscribe(fake: ReturnType<typeof createFakeExcel>, seen: ChangedArgs[], selections?: SelectionChangedArgs[]) {
  return fake.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const h = ws.onChanged.add(async (e) => void seen.push(e as unknown as ChangedArgs));
    if (selections) ws.onSelectionChanged.add(async (e) => void selections.push(e as unknown as SelectionChangedArgs));
    await ctx.sync();
    return h;
  });
}

describe("onChanged", () => {
  test("a user's typing raises one event per cell, asynchronously, with WorksheetChangedEventArgs", async () => {
    const fake = createFakeExcel({ apiVersion: "1.14" });
    const seen: ChangedArgs[] = [];
    await subscribe(fake, seen);
    fake.user.edit("Sheet1", "D7", [["验收合格率", "≥"]]);
    expect(seen).toHaveLength(0); // not yet: handlers run after the edit
    await fake.flushEvents();
    expect(seen.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => typeof v !== "function")))).toEqual([
      {
        type: "WorksheetChanged",
        address: "D7",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: fake.sheet("Sheet1").state.id,
        triggerSource: "Unknown",
        details: { valueBefore: "", valueAfter: "验收合格率", valueTypeBefore: "Empty", valueTypeAfter: "String" },
      },
      expect.objectContaining({ address: "E7", triggerSource: "Unknown" }),
    ]);
  });

  test("a paste is one event for the block; the add-in's own writes carry triggerSource ThisLocalAddin (1.14)", async () => {
    const fake = createFakeExcel({ apiVersion: "1.14" });
    const seen: ChangedArgs[] = [];
    await subscribe(fake, seen);
    fake.user.paste("Sheet1", "B7", Array.from({ length: 500 }, () => ["产出指标", "数量指标"]));
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("I7:I8").values = [["a"], ["b"]];
      await ctx.sync();
    });
    await fake.flushEvents();
    expect(seen.map((e) => [e.address, e.triggerSource, e.details === undefined])).toEqual([
      ["B7:C506", "Unknown", true],
      ["I7:I8", "ThisLocalAddin", true],
    ]);
  });

  test("before 1.14 there is no triggerSource; before 1.9 no details", async () => {
    const fake = createFakeExcel({ apiVersion: "1.8" });
    const seen: ChangedArgs[] = [];
    await subscribe(fake, seen);
    fake.user.edit("Sheet1", "A1", "x");
    await fake.flushEvents();
    expect(seen).toHaveLength(1);
    expect("triggerSource" in (seen[0] as object)).toBe(false);
    expect("details" in (seen[0] as object)).toBe(false);
  });

  test("a handler is registered only at sync and removed only at sync (via Excel.run on its context)", async () => {
    const fake = createFakeExcel();
    const seen: ChangedArgs[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e) => void seen.push(e as unknown as ChangedArgs));
      fake.user.edit("Sheet1", "A1", "before sync");
      await ctx.sync();
    });
    await fake.flushEvents();
    expect(seen).toHaveLength(0);
    const handle = await subscribe(fake, seen);
    expect(fake.activeRegistrations).toBe(2);
    await fake.run(handle, async (ctx) => {
      handle.remove();
      await ctx.sync();
    });
    expect(fake.activeRegistrations).toBe(1);
  });

  test("runtime.enableEvents = false silences the add-in's handlers", async () => {
    const fake = createFakeExcel();
    const seen: ChangedArgs[] = [];
    await subscribe(fake, seen);
    await fake.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["quiet"]];
      await ctx.sync();
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    fake.user.edit("Sheet1", "A2", "heard");
    await fake.flushEvents();
    expect(seen.map((e) => e.address)).toEqual(["A2"]);
  });

  test("getRange(ctx) of the event args reaches the changed cells", async () => {
    const fake = createFakeExcel();
    const values: unknown[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e) => {
        await fake.run(async (c2) => {
          const r = e.getRange(c2);
          r.load("values");
          await c2.sync();
          values.push(r.values);
        });
      });
      await ctx.sync();
    });
    fake.user.edit("Sheet1", "C3", 42);
    await fake.flushEvents();
    expect(values).toEqual([[[42]]]);
  });

  test("user row insertion raises RowInserted with the rows' address", async () => {
    const fake = createFakeExcel();
    const seen: ChangedArgs[] = [];
    await subscribe(fake, seen);
    fake.user.insertRows("Sheet1", "8:9");
    await fake.flushEvents();
    expect(seen.map((e) => [e.address, e.changeType])).toEqual([["8:9", "RowInserted"]]);
  });

  test("WorksheetCollection.onChanged (1.9) hears every sheet", async () => {
    const fake = createFakeExcel({ sheets: ["A", "B"] });
    const seen: string[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(e.address));
      await ctx.sync();
    });
    fake.user.edit("A", "A1", 1);
    fake.user.edit("B", "B2", 2);
    await fake.flushEvents();
    expect(seen).toEqual(["A1", "B2"]);
  });
});

describe("Excel.run with a context", () => {
  test("Excel.run(context, batch) reuses the context a handler was added in, so remove() reaches it", async () => {
    const fake = createFakeExcel();
    const uninstall = fake.install(globalThis);
    try {
      const handle = await Excel.run(async (ctx) => {
        const h = ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => undefined);
        await ctx.sync();
        return h;
      });
      expect(fake.activeRegistrations).toBe(1);
      await Excel.run(handle.context, async (ctx) => {
        expect(ctx).toBe(handle.context);
        handle.remove();
        await ctx.sync();
      });
      expect(fake.activeRegistrations).toBe(0);
    } finally {
      uninstall();
    }
  });

  test("an object whose context is not a fake RequestContext is refused", async () => {
    const a = createFakeExcel();
    const b = createFakeExcel();
    await expect(a.run({ context: {} }, async () => undefined)).rejects.toMatchObject({ code: "InvalidArgument" });
    const other = await b.run(async (ctx) => ctx);
    await expect(a.run(other, async () => 1)).resolves.toBe(1); // same class: accepted, as Office.js would
  });
});

describe("sheet activation and collection-level events", () => {
  test("user.activate raises WorksheetActivated on the collection (1.7) and on the sheet; nothing when already active", async () => {
    const fake = createFakeExcel({ sheets: ["A", "B"] });
    const all: ActivatedArgs[] = [];
    const onB: ActivatedArgs[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onActivated.add(async (e) => void all.push(e as unknown as ActivatedArgs));
      ctx.workbook.worksheets.getItem("B").onActivated.add(async (e) => void onB.push(e as unknown as ActivatedArgs));
      await ctx.sync();
    });
    const idB = fake.sheet("B").state.id;
    fake.user.activate("B");
    fake.user.activate("B");
    await fake.flushEvents();
    expect(all).toEqual([{ type: "WorksheetActivated", worksheetId: idB }]);
    expect(onB).toHaveLength(1);
    expect(fake.activeSheet.name).toBe("B");
    fake.user.select("A", "C3"); // a click on another sheet activates it first
    await fake.flushEvents();
    expect(all.map((e) => e.worksheetId)).toEqual([idB, fake.sheet("A").state.id]);
    expect(onB).toHaveLength(1);
  });

  test("Worksheet.activate() and deleting the active sheet raise onActivated after the sync", async () => {
    const fake = createFakeExcel({ sheets: ["A", "B", "C"] });
    const seen: string[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onActivated.add(async (e) => void seen.push((e as unknown as ActivatedArgs).worksheetId));
      await ctx.sync();
    });
    const idC = fake.sheet("C").state.id;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("C").activate();
      await ctx.sync();
      ctx.workbook.worksheets.getItem("C").delete();
      await ctx.sync();
    });
    await fake.flushEvents();
    expect(seen).toEqual([idC, fake.sheet("A").state.id]);
    expect(fake.activeSheet.name).toBe("A");
  });

  test("onActivated needs ExcelApi 1.7, the collection's onSelectionChanged 1.9", async () => {
    const fake = createFakeExcel({ apiVersion: "1.8" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.onActivated.add(async () => undefined);
        await ctx.sync();
      }),
    ).resolves.toBeUndefined();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.onSelectionChanged.add(async () => undefined);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("WorksheetCollection.onSelectionChanged (1.9) hears every sheet, naming it", async () => {
    const fake = createFakeExcel({ sheets: ["A", "B"] });
    const seen: SelectionChangedArgs[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onSelectionChanged.add(async (e) => void seen.push(e as unknown as SelectionChangedArgs));
      await ctx.sync();
    });
    fake.user.select("A", "B2");
    fake.user.select("B", "C3");
    await fake.flushEvents();
    expect(seen).toEqual([
      { type: "WorksheetSelectionChanged", address: "B2", worksheetId: fake.sheet("A").state.id },
      { type: "WorksheetSelectionChanged", address: "C3", worksheetId: fake.sheet("B").state.id },
    ]);
  });
});

describe("dropdown picks", () => {
  async function withDropdown(platform: "web" | "desktop") {
    const fake = createFakeExcel({ platform });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("E7:E9").dataValidation.rule = { list: { inCellDropDown: true, source: "≥,≤,定性" } };
      await ctx.sync();
    });
    const changes: ChangedArgs[] = [];
    const selections: SelectionChangedArgs[] = [];
    await subscribe(fake, changes, selections);
    return { fake, changes, selections };
  }

  test("Excel on the web: the value changes, no onChanged, but onSelectionChanged fires (office-js #3888)", async () => {
    const { fake, changes, selections } = await withDropdown("web");
    fake.user.pickFromDropdown("Sheet1", "E7", "定性", "F7");
    await fake.flushEvents();
    expect(fake.sheet("Sheet1").value("E7")).toBe("定性");
    expect(changes).toHaveLength(0);
    // The cell is clicked first (its dropdown shows on the selected cell only), then the selection moves on.
    expect(selections.map((s) => s.address)).toEqual(["E7", "F7"]);
  });

  test("on the desktop a pick raises onChanged as typing does", async () => {
    const { fake, changes } = await withDropdown("desktop");
    fake.user.pickFromDropdown("Sheet1", "E8", "≥");
    await fake.flushEvents();
    expect(changes.map((c) => c.address)).toEqual(["E8"]);
  });

  test("typing a value outside a Stop list is refused, a paste is not", async () => {
    const { fake } = await withDropdown("desktop");
    expect(() => fake.user.edit("Sheet1", "E9", "大于")).toThrow(/not in the list/);
    fake.user.paste("Sheet1", "E9", [["大于"]]);
    expect(fake.sheet("Sheet1").value("E9")).toBe("大于");
  });
});
