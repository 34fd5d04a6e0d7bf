import { selectCell, watchSelection } from "../../src/excel/select";
import { setup, teardown } from "./helpers";

afterEach(teardown);

describe("selectCell", () => {
  test("activates the sheet and selects the cell", async () => {
    const fake = setup({ sheets: ["Sheet1", "2027年"] });
    const r = await selectCell("2027年", "H9");
    expect(r.ok).toBe(true);
    expect(fake.activeSheet.name).toBe("2027年");
    const sheetId = fake.sheet("2027年").state.id;
    expect(fake.state.selection).toEqual({ sheetId, rect: { top: 8, left: 7, bottom: 8, right: 7 } });
  });

  test("a sheet that is gone is a typed error, not an exception", async () => {
    setup();
    const r = await selectCell("已删除", "A1");
    expect(r.ok ? null : r.error.code).toBe("sheet-missing");
    expect(r.ok ? "" : r.error.message).toMatch(/已删除/);
  });

  test("a malformed address is refused before anything is sent", async () => {
    const fake = setup();
    const r = await selectCell("Sheet1", "H0x");
    expect(r.ok).toBe(false);
    expect(fake.syncCount).toBe(0);
  });
});

describe("watchSelection", () => {
  test("a burst of selection changes and a sheet switch make one call each quiet spell; stop removes the handlers", async () => {
    const fake = setup({ sheets: ["Sheet1", "Sheet2"] });
    let calls = 0;
    const r = await watchSelection(() => calls++, { debounceMs: 10 });
    if (!r.ok) throw r.error;
    fake.user.select("Sheet1", "D7");
    fake.user.select("Sheet1", "D8");
    fake.user.select("Sheet1", "D9:D11");
    await fake.flushEvents();
    await new Promise((done) => setTimeout(done, 30));
    expect(calls).toBe(1);
    fake.user.activate("Sheet2");
    await fake.flushEvents();
    await new Promise((done) => setTimeout(done, 30));
    expect(calls).toBe(2);
    await r.value.stop();
    fake.user.select("Sheet2", "A1");
    await fake.flushEvents();
    await new Promise((done) => setTimeout(done, 30));
    expect(calls).toBe(2);
  });

  test("below ExcelApi 1.9 it says the selection cannot be followed (the pane reads it when asked)", async () => {
    setup({ apiVersion: "1.8" });
    const r = await watchSelection(() => undefined);
    expect(r.ok ? null : r.error.code).toBe("unsupported");
  });
});

describe("selecting at the edges", () => {
  test("a range is selected whole; a malformed second half is refused naming the address", async () => {
    const fake = setup();
    const r = await selectCell("Sheet1", "H9:H12");
    expect(r).toEqual({ ok: true, value: { sheetName: "Sheet1", address: "H9:H12" } });
    const sheetId = fake.sheet("Sheet1").state.id;
    expect(fake.state.selection).toEqual({ sheetId, rect: { top: 8, left: 7, bottom: 11, right: 7 } });
    const bad = await selectCell("Sheet1", "H9:12");
    expect(bad.ok ? null : [bad.error.code, bad.error.message]).toEqual(["host", expect.stringContaining("H9:12")]);
  });

  test("watchSelection below ExcelApi 1.9 is 'unsupported' before anything is sent; the default pause is 120 ms", async () => {
    const old = setup({ apiVersion: "1.8" });
    const r = await watchSelection(() => undefined);
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(["unsupported", expect.stringContaining("1.9")]);
    expect(old.syncCount).toBe(0);

    jest.useFakeTimers();
    try {
      const fake = setup({ sheets: ["Sheet1", "Sheet2"] });
      let calls = 0;
      const w = await watchSelection(() => calls++);
      if (!w.ok) throw w.error;
      fake.user.select("Sheet1", "D7");
      await fake.flushEvents();
      await jest.advanceTimersByTimeAsync(119);
      expect(calls).toBe(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(calls).toBe(1);
      fake.user.select("Sheet1", "D8");
      await fake.flushEvents();
      await w.value.stop(); // a pending call is dropped with the handlers
      await jest.advanceTimersByTimeAsync(500);
      expect(calls).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
