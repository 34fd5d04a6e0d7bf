/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read after syncs the rules cannot follow. */
// The fake where a user's day meets the add-in: a sync failing part-way, workbook structure protection, the
// undo stack and the count of workbook writes.
import { createFakeExcel, protectStructure } from "../support/fake-excel";
import { codeOf } from "./support";

describe("a sync that fails at operation N", () => {
  test("the operations before N stay applied, N and after do not, and the failure is spent", async () => {
    const fake = createFakeExcel();
    fake.failAtOperation(3, { code: "AccessDenied" });
    const code = await codeOf(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1"); // op 0: the lookup
        ws.getRange("A1").values = [["a"]]; // ops 1 (getRange), 2 (values)
        ws.getRange("A2").values = [["b"]]; // op 3 fails: getRange
        await ctx.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(fake.sheet("Sheet1").values("A1:A2")).toEqual([["a"], [""]]);
    expect(fake.writeCount).toBe(1);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["c"]];
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").value("A2")).toBe("c");
  });

  test("operations are counted over every sync from the moment it is armed", async () => {
    const fake = createFakeExcel();
    fake.failAtOperation(4);
    const code = await codeOf(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.load("name"); // ops 0, 1
        await ctx.sync();
        ws.getRange("A1").values = [["a"]]; // ops 2, 3
        ws.getRange("B1").values = [["b"]]; // op 4 fails
        await ctx.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(fake.sheet("Sheet1").value("A1")).toBe("a");
    expect(fake.sheet("Sheet1").value("B1")).toBe("");
  });
});

describe("workbook structure protection", () => {
  test("adding, copying, renaming, moving and deleting sheets are refused; cells stay writable", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Sheet2"] });
    protectStructure(fake);
    const attempts: Array<(ctx: Excel.RequestContext) => void> = [
      (ctx) => void ctx.workbook.worksheets.add("新表"),
      (ctx) => void ctx.workbook.worksheets.getItem("Sheet1").copy("End"),
      (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").name = "改名"),
      (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").position = 1),
      (ctx) => ctx.workbook.worksheets.getItem("Sheet2").delete(),
    ];
    for (const attempt of attempts) {
      const code = await codeOf(fake.run(async (ctx) => attempt(ctx)));
      expect(code).toBe("AccessDenied");
    }
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2"]);
    const got = await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      const p = ctx.workbook.protection;
      p.load("protected");
      await ctx.sync();
      return p.protected;
    });
    expect(got).toBe(true);
    expect(fake.sheet("Sheet1").value("A1")).toBe("x");
  });
});

describe("undo and writes", () => {
  test("user actions are undo steps; loads and selection are not writes; below 1.19 an add-in write clears the stack", async () => {
    const fake = createFakeExcel({ apiVersion: "1.17" });
    fake.user.edit("Sheet1", "A1", "x");
    fake.user.paste("Sheet1", "B1", [["1", "2"]]);
    expect(fake.undoStack.map((u) => u.by)).toEqual(["user", "user"]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C3");
      r.load("values");
      r.select();
      await ctx.sync();
    });
    expect(fake.writeCount).toBe(0);
    expect(fake.undoStack).toHaveLength(2);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("D1").format.fill.color = "#FF0000";
      await ctx.sync();
    });
    expect(fake.writeCount).toBe(1);
    expect(fake.undoStack).toEqual([]);
  });

  test("from ExcelApi 1.19 each writing sync is one more undo step and the user's steps stay", async () => {
    const fake = createFakeExcel({ apiVersion: "1.19" });
    fake.user.edit("Sheet1", "A1", "x");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("D1").values = [["y"]];
      await ctx.sync();
    });
    expect(fake.undoStack.map((u) => u.by)).toEqual(["user", "addin"]);
  });
});

describe("delayed and coalesced change events", () => {
  afterEach(() => jest.useRealTimers());

  test("edits within the delay come as one onChanged over their bounding range, after the delay", async () => {
    jest.useFakeTimers();
    const fake = createFakeExcel({ coalesceEventsMs: 500 });
    const seen: Array<{ address: string; details?: unknown }> = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => void seen.push({ address: args.address, details: args.details }));
      await ctx.sync();
    });
    fake.user.edit("Sheet1", "B7", "a");
    fake.user.edit("Sheet1", "D9", "b");
    await fake.flushEvents();
    expect(seen).toEqual([]);
    await jest.advanceTimersByTimeAsync(500);
    await fake.flushEvents();
    expect(seen).toEqual([{ address: "B7:D9", details: undefined }]);
    fake.user.edit("Sheet1", "E7", "c"); // alone: as it was, with its details
    await jest.advanceTimersByTimeAsync(500);
    await fake.flushEvents();
    expect(seen[1]?.address).toBe("E7");
    expect(seen[1]?.details).toMatchObject({ valueAfter: "c" });
  });
});
