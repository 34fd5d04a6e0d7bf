// Bounded reads: a long sheet is read in slices under Excel on the web's 5 MB response limit, a form of a
// thousand rows still in one read, and a selection change reads nothing, or only the dropdown cells it left.

import { checkActiveSheet } from "../../src/excel/check";
import { installNativeRules } from "../../src/excel/nativeRules";
import { startLiveCheck, type LiveReport } from "../../src/excel/live";
import type { Result } from "../../src/excel/errors";
import { GOOD_ROWS, type RowInput } from "../support/form-grid";
import { advance, seedForm, setup, teardown } from "./helpers";

// Sheets of thousands of rows: slower than most tests on a busy machine.
jest.setTimeout(60_000);

afterEach(() => {
  jest.useRealTimers();
  teardown();
});

const LIMIT = 5 * 1024 * 1024;

function longRows(n: number, chars = 200): RowInput[] {
  return Array.from({ length: n }, (_, i) => {
    const base = GOOD_ROWS[i % GOOD_ROWS.length] as RowInput;
    const text = `第${i + 1}项指标的解释：按季度统计，口径与上年一致，数据来源于业务系统台账。`.repeat(Math.ceil(chars / 30)).slice(0, chars);
    return { ...base, level3: `${String(base.level3)}${i + 1}`, explanation: `${String(base.level3)}${text}`, scoringStandard: `完成得10分。${text}` };
  });
}

describe("reading a long sheet", () => {
  test("a sheet too big for one response (2,500 rows of 800-character texts): read in slices each under 5 MB, the last row checked", async () => {
    const fake = setup({ payloadLimit: LIMIT });
    const rows = longRows(2500, 800);
    rows[2499] = { ...rows[2499], level3: "" };
    seedForm(fake, rows);
    fake.resetCounters();
    const progress: number[] = [];
    const r = await checkActiveSheet({ mark: false, onProgress: (done) => progress.push(done) });
    if (!r.ok) throw r.error;
    expect(fake.responseBytes).toBeGreaterThan(LIMIT); // more than one response could carry
    expect(fake.largestResponse).toBeLessThan(LIMIT);
    expect(fake.syncCount).toBeGreaterThan(2);
    expect(progress.length).toBeGreaterThan(1);
    expect(r.value.findings.filter((f) => f.rule === "level3-missing").map((f) => f.row)).toEqual([6 + 2500]);
  });

  test("below the first rows only the form's columns and a margin are read, not a wide table far to its right", async () => {
    const bytesWith = async (side: boolean): Promise<number> => {
      const fake = setup({ payloadLimit: LIMIT });
      const rows = longRows(2400, 20);
      rows[2399] = { ...rows[2399], level3: "" };
      seedForm(fake, rows);
      if (side) fake.sheet("Sheet1").seed("AD1", Array.from({ length: 2420 }, (_, i) => [`旁边的表第${i}行`.repeat(20)]));
      fake.resetCounters();
      const r = await checkActiveSheet({ mark: false });
      if (!r.ok) throw r.error;
      expect(r.value.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual([`D${6 + 2400}`]);
      return fake.responseBytes;
    };
    const plain = await bytesWith(false);
    const side = await bytesWith(true);
    const sideTotal = 2420 * ("旁边的表第1000行".repeat(20).length * 3);
    // The side table's first 1,200 rows come with the first read; the rest of it is never sent.
    expect(side - plain).toBeLessThan(sideTotal * 0.6);
    expect(side - plain).toBeGreaterThan(sideTotal * 0.3);
  });

  test("1,000 rows of the same texts: one read, one write", async () => {
    const fake = setup({ payloadLimit: LIMIT });
    const rows = longRows(1000);
    rows[500] = { ...rows[500], level3: "" };
    seedForm(fake, rows);
    fake.resetCounters();
    const r = await checkActiveSheet();
    if (!r.ok) throw r.error;
    expect(fake.syncCount).toBe(2);
    expect(r.value.marked.length).toBeGreaterThan(0);
  });
});

describe("a selection change with live checking on", () => {
  async function live(platform: "web" | "desktop") {
    jest.useFakeTimers();
    const fake = setup({ apiVersion: "1.14", platform, payloadLimit: LIMIT });
    seedForm(fake, longRows(300));
    const installed = await installNativeRules(); // the dropdowns
    if (!installed.ok) throw installed.error;
    const results: Array<Result<LiveReport>> = [];
    const started = await startLiveCheck((r) => results.push(r));
    if (!started.ok) throw started.error;
    await advance(0);
    await fake.flushEvents();
    return { fake, results, stop: () => started.value.stop() };
  }

  test("moving between cells without dropdowns reads nothing at all", async () => {
    const { fake, results, stop } = await live("web");
    fake.user.select("Sheet1", "H8");
    await fake.flushEvents();
    fake.resetCounters();
    for (const cell of ["I8", "H9", "D500", "J20", "A1"]) {
      fake.user.select("Sheet1", cell);
      await fake.flushEvents();
      await advance(400);
    }
    expect(fake.syncCount).toBe(0);
    expect(fake.responseBytes).toBe(0);
    expect(results).toHaveLength(1);
    await stop();
  });

  test("leaving a dropdown cell reads just that cell (≤ 10,240 bytes); a value picked there on the web is re-checked", async () => {
    const { fake, results, stop } = await live("web");
    fake.user.select("Sheet1", "C9");
    await fake.flushEvents();
    fake.resetCounters();
    fake.user.select("Sheet1", "H9"); // nothing picked: one small read, no re-check
    await fake.flushEvents();
    await advance(400);
    expect(fake.responseBytes).toBeGreaterThan(0);
    expect(fake.responseBytes).toBeLessThanOrEqual(10240);
    expect(results).toHaveLength(1);

    fake.user.pickFromDropdown("Sheet1", "C9", "社会效益指标", "H9"); // no onChanged on the web
    await fake.flushEvents();
    await advance(400);
    await fake.flushEvents();
    expect(results).toHaveLength(2);
    const last = results[1];
    expect(last?.ok && last.value.findings.some((f) => f.rule === "level2-mismatch" && f.cell === "C9")).toBe(true);
    await stop();
  });
});
