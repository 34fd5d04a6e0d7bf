/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, and the rules misjudge reads that follow a sync. */
import { createFakeExcel, FakeOfficeError } from "../support/fake-excel";
import { codeOf } from "./support";

describe("host behaviour", () => {
  test("failNextSync fails exactly the next sync, before anything is applied", async () => {
    const fake = createFakeExcel();
    fake.failNextSync({ code: "GeneralException" });
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("GeneralException");
    expect(fake.sheet("Sheet1").value("A1")).toBe("");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["y"]];
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").value("A1")).toBe("y");
  });

  test("an error thrown by the host is an OfficeExtension-like error with code and debugInfo", async () => {
    const fake = createFakeExcel();
    fake.failNextSync(new FakeOfficeError("RequestPayloadSizeLimitExceeded"));
    const err = await fake.run(async (ctx) => ctx.sync()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FakeOfficeError);
    expect(err).toMatchObject({ name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded", debugInfo: { code: "RequestPayloadSizeLimitExceeded" } });
  });

  test("a batch fails at its first bad operation; earlier operations stay applied (no transaction)", async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["applied"]];
        ws.getRange("A2:A3").values = [["bad"]];
        ws.getRange("A4").values = [["never"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(fake.sheet("Sheet1").values("A1:A4")).toEqual([["applied"], [""], [""], [""]]);
  });

  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and writes nothing", async () => {
    const fake = createFakeExcel();
    const big = Array.from({ length: 20000 }, () => ["一段很长的指标解释文字".repeat(10)]);
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A20000").values = big;
        await ctx.sync();
      }),
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.sheet("Sheet1").value("A1")).toBe("");
    const small = createFakeExcel();
    await small.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").values = big.slice(0, 2000);
      await ctx.sync();
    });
    expect(small.sheet("Sheet1").value("A2000")).toBe(big[0]?.[0]);
  });

  test("sync count and simulated latency", async () => {
    const fake = createFakeExcel({ latencyMs: 100 });
    await fake.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.simulatedMs).toBe(200);
    fake.resetCounters();
    expect(fake.syncCount).toBe(0);
  });

  test("install sets Excel and Office globals answering by apiVersion, and removes them again", async () => {
    const fake = createFakeExcel({ apiVersion: "1.8", platform: "web" });
    const g = globalThis as unknown as { Excel?: typeof Excel; Office?: typeof Office };
    const uninstall = fake.install();
    try {
      const info = await Office.onReady();
      expect(info).toEqual({ host: "Excel", platform: "OfficeOnline" });
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
      expect(Office.context.displayLanguage).toBe("zh-CN");
      Office.context.document.settings.set("expectedTotal", 100);
      const status = await new Promise<string>((resolve) => Office.context.document.settings.saveAsync((r) => resolve(String(r.status))));
      expect(status).toBe("succeeded");
      expect(Office.context.document.settings.get("expectedTotal")).toBe(100);
      expect(Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
      expect(Excel.WorksheetPositionType.end).toBe("End");
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["via global"]];
        await ctx.sync();
      });
      expect(fake.sheet("Sheet1").value("A1")).toBe("via global");
    } finally {
      uninstall();
    }
    expect(g.Excel).toBeUndefined();
    expect(g.Office).toBeUndefined();
  });

  test("the selection and the active sheet are readable", async () => {
    const fake = createFakeExcel({ sheets: ["A", "B"] });
    fake.user.select("B", "C3:D4");
    const got = await fake.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      r.load("address");
      ws.load("name");
      await ctx.sync();
      return [r.address, ws.name];
    });
    expect(got).toEqual(["B!C3:D4", "B"]);
  });
});

test("failNextSync(error, 1) lets one sync pass and fails the one after", async () => {
  const fake = createFakeExcel();
  fake.failNextSync({ code: "AccessDenied" }, 1);
  const code = await fake
    .run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      await ctx.sync();
    })
    .then(() => "no error", (e: { code: string }) => e.code);
  expect(code).toBe("AccessDenied");
  expect(fake.syncCount).toBe(2);
  expect(fake.sheet("Sheet1").value("A1")).toBe("");
});
