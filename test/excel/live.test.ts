import type { Result } from "../../src/excel/errors";
import { startLiveCheck, type LiveReport } from "../../src/excel/live";
import { writeStandards } from "../../src/excel/scoring";
import { installNativeRules } from "../../src/excel/nativeRules";
import { ScoringMethodSchema } from "../../src/domain/scoring";
import { asOwnWrite, OWN_WRITE_WINDOW_MS } from "../../src/excel/ownWrites";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import type { FakeExcel } from "../support/fake-excel";
import { advance, manyRows, seedForm, setup, teardown } from "./helpers";

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  teardown();
});

async function start(fake: FakeExcel, options: Parameters<typeof startLiveCheck>[1] = {}) {
  const results: Array<Result<LiveReport>> = [];
  const started = await startLiveCheck((r) => results.push(r), options);
  if (!started.ok) throw started.error;
  await advance(0);
  await fake.flushEvents();
  return { results, live: started.value };
}

function reports(results: Array<Result<LiveReport>>): LiveReport[] {
  return results.map((r) => {
    if (!r.ok) throw r.error;
    return r.value;
  });
}

describe("startLiveCheck", () => {
  test("checks once at the start, then a burst of edits is one re-check with the final values", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    const { results, live } = await start(fake);
    expect(reports(results).map((r) => r.trigger)).toEqual(["start"]);
    expect(reports(results)[0]?.findings.some((f) => f.rule === "level3-missing")).toBe(false);

    fake.resetCounters();
    // The user clears 三级指标 of row 8, types and retypes: 12 events within a few hundred ms.
    for (let i = 0; i < 11; i++) {
      fake.user.edit("Sheet1", "D8", `临时名称${i}`);
      await advance(20);
    }
    fake.user.clear("Sheet1", "D8");
    await fake.flushEvents();
    expect(results).toHaveLength(1); // still quiet: the burst has not settled
    await advance(300);
    expect(results).toHaveLength(2);
    const last = reports(results)[1]!;
    expect(last.trigger).toBe("changed");
    expect(last.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D8"]);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    await live.stop();
  });

  test("a paste of 500 cells is one re-check", async () => {
    const fake = setup({ apiVersion: "1.14", payloadLimit: null });
    seedForm(fake, manyRows(500));
    const { results, live } = await start(fake);
    fake.user.paste("Sheet1", "J7", Array.from({ length: 500 }, (_, i) => [`备注${i}`]));
    await fake.flushEvents();
    await advance(300);
    await advance(300);
    expect(reports(results).map((r) => r.trigger)).toEqual(["start", "changed"]);
    await live.stop();
  });

  test("an edit arriving while a re-check runs is not lost: one more re-check with it", async () => {
    const fake = setup({ apiVersion: "1.14", latencyMs: 100, realDelay: true });
    seedForm(fake);
    const results: Array<Result<LiveReport>> = [];
    const starting = startLiveCheck((r) => results.push(r), { initial: false });
    await advance(100); // the subscription's own sync
    const started = await starting;
    if (!started.ok) throw started.error;
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(300); // the re-check starts: 100 ms for its read, 100 ms for writing its mark
    await advance(150);
    fake.user.edit("Sheet1", "D9", ""); // after the read, while the mark is written
    await fake.flushEvents();
    await advance(60); // the first re-check ends, before the new edit settled
    expect(results).toHaveLength(1);
    await advance(300 + 250); // the one more re-check
    const got = reports(results);
    expect(got.length).toBe(2);
    expect(got[0]?.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D8"]);
    expect(got[1]?.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D8", "D9"]);
    const stopping = started.value.stop();
    await advance(100);
    await stopping;
    expect(fake.activeRegistrations).toBe(0);
  });

  test("a re-check slower than the pause: an edit whose timer fires while it runs is re-checked once it ends", async () => {
    // Two sheets edited at once are re-checked one after the other, 400 ms each, the active one (2027年) last:
    // an edit on the other sheet after its read settles (300 ms) while the active one is still being read.
    const fake = setup({ apiVersion: "1.14", latencyMs: 400, realDelay: true, sheets: ["2027年", "Sheet1"] });
    seedForm(fake);
    seedForm(fake, GOOD_ROWS, "A1", "2027年");
    const results: Array<Result<LiveReport>> = [];
    const starting = startLiveCheck((r) => results.push(r), { initial: false });
    await advance(400);
    const started = await starting;
    if (!started.ok) throw started.error;
    fake.user.edit("2027年", "D8", "");
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(300); // the re-check starts: Sheet1 read until 400 ms, 2027年 until 800 ms
    await advance(450);
    expect(reports(results).map((r) => r.sheetName)).toEqual(["Sheet1"]);
    fake.user.edit("Sheet1", "D9", "");
    await fake.flushEvents();
    await advance(300); // the D9 edit's timer fires while 2027年 is still read: nothing new may start
    await advance(100); // the re-check has ended; only the re-arm brings the D9 edit back
    expect(reports(results).map((r) => r.sheetName)).toEqual(["Sheet1", "2027年"]);
    await advance(300 + 400 + 50);
    const got = reports(results);
    expect(got.map((r) => r.sheetName)).toEqual(["Sheet1", "2027年", "Sheet1"]);
    expect(got[2]?.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D8", "D9"]);
    const stopping = started.value.stop();
    await advance(400);
    await stopping;
  });

  test("Excel on the web: a value picked from a dropdown (no onChanged) is re-checked via the selection change", async () => {
    const fake = setup({ apiVersion: "1.14", platform: "web" });
    seedForm(fake);
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    const { results, live } = await start(fake);
    fake.user.pickFromDropdown("Sheet1", "B11", "产出指标", "C11");
    await fake.flushEvents();
    await advance(300);
    const got = reports(results);
    expect(got.map((r) => r.trigger)).toEqual(["start", "selection"]);
    expect(got[1]?.findings.some((f) => f.rule === "level2-mismatch" && f.cell === "C11")).toBe(true);

    // Moving around without changing anything reads the sheet but reports nothing new.
    fake.user.select("Sheet1", "E9");
    fake.user.select("Sheet1", "F9");
    await fake.flushEvents();
    await advance(300);
    expect(results).toHaveLength(2);
    await live.stop();
  });

  test.each([["1.14"], ["1.8"]])("the add-in's own writes raise no re-check (ExcelApi %s)", async (apiVersion) => {
    const fake = setup({ apiVersion });
    seedForm(fake, GOOD_ROWS.map((r, i) => (i === 1 ? { ...r, scoringStandard: "" } : r)));
    const { results, live } = await start(fake);
    const written = await writeStandards({ rows: [8] }, ScoringMethodSchema.parse({ kind: "direct", points: 15 }));
    if (!written.ok) throw written.error;
    await fake.flushEvents();
    await advance(300);
    expect(results).toHaveLength(1);
    await advance(2000);
    // Below 1.14 our write is known only by its time window: after it one quiet look, which reports the
    // changed values once (it cannot tell our write from a user's edit in the window) and never loops.
    const verified = apiVersion === "1.8" ? 1 : 0;
    expect(reports(results).slice(1).map((r) => r.trigger)).toEqual(verified ? ["verify"] : []);
    await advance(5000);
    expect(results).toHaveLength(1 + verified);
    // A user's edit after the window is re-checked as usual.
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(300);
    expect(reports(results).map((r) => r.trigger).at(-1)).toBe("changed");
    expect(results).toHaveLength(2 + verified);
    await live.stop();
  });

  test("below 1.14, a user's edit inside the own-write window is re-checked once the window has passed", async () => {
    const fake = setup({ apiVersion: "1.8" });
    seedForm(fake);
    const { results, live } = await start(fake);
    await asOwnWrite(() => Promise.resolve()); // one of our writes has just ended
    fake.user.edit("Sheet1", "D9", ""); // the user's edit, inside the window: ignored with our own events
    await fake.flushEvents();
    await advance(300);
    expect(results).toHaveLength(1);
    await advance(OWN_WRITE_WINDOW_MS);
    const got = reports(results);
    expect(got.map((r) => r.trigger)).toEqual(["start", "verify"]);
    expect(got[1]?.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D9"]);
    await live.stop();
  });

  test("below 1.14, the look after the window is one read and reports nothing when no form's values changed", async () => {
    const fake = setup({ apiVersion: "1.8" });
    seedForm(fake);
    const { results, live } = await start(fake);
    await asOwnWrite(() => Promise.resolve());
    fake.user.edit("Sheet1", "A200", "表外的字"); // inside the window, outside the form
    await fake.flushEvents();
    fake.resetCounters();
    await advance(OWN_WRITE_WINDOW_MS + 300);
    expect(fake.syncCount).toBe(1);
    expect(results).toHaveLength(1);
    await advance(5000);
    expect(fake.syncCount).toBe(1); // and no loop of looks
    await live.stop();
  });

  test("only the form whose cells changed runs its rules again", async () => {
    const fake = setup({ apiVersion: "1.14" });
    const first = formGrid(GOOD_ROWS);
    seedForm(fake);
    const secondAt = first.length + 3;
    seedForm(fake, GOOD_ROWS, `A${secondAt}`);
    const { results, live } = await start(fake);
    const initial = reports(results)[0]!;
    expect(initial.forms).toHaveLength(2);
    expect(initial.rechecked).toHaveLength(2);
    const secondAnchor = initial.forms[1]!.anchor;
    fake.user.edit("Sheet1", `D${secondAt + 7}`, "");
    await fake.flushEvents();
    await advance(300);
    const after = reports(results)[1]!;
    expect(after.rechecked).toEqual([secondAnchor]);
    expect(after.forms[0]?.findings).toEqual(initial.forms[0]?.findings);
    expect(after.forms[1]?.findings.some((f) => f.rule === "level3-missing")).toBe(true);
    await live.stop();
  });

  test("ExcelApi 1.9: a co-author's edit to another sheet is re-checked there while the user looks at a sheet without a form", async () => {
    const fake = setup({ apiVersion: "1.14", sheets: ["Sheet1", "说明"] });
    seedForm(fake);
    const { results, live } = await start(fake);
    fake.user.select("说明", "A1"); // the user turns to a sheet without a form: told so at once
    await fake.flushEvents();
    await advance(0);
    expect(results).toHaveLength(2);
    expect(results[1] && !results[1].ok ? results[1].error.code : null).toBe("no-form");
    fake.user.select("说明", "B2"); // moving around there says nothing more
    fake.user.edit("Sheet1", "D8", "", { source: "Remote" });
    await fake.flushEvents();
    await advance(300);
    expect(results).toHaveLength(3);
    const last = results[2];
    if (!last?.ok) throw new Error("expected a report");
    expect(last.value.sheetName).toBe("Sheet1");
    expect(last.value.findings.some((f) => f.rule === "level3-missing" && f.cell === "D8")).toBe(true);
    await live.stop();
  });

  test("ExcelApi 1.9: the handlers are the worksheet collection's, an edit on any sheet re-checks the sheet it names", async () => {
    const fake = setup({ apiVersion: "1.9", sheets: ["Sheet1", "2027年"] });
    seedForm(fake);
    seedForm(fake, GOOD_ROWS, "A1", "2027年");
    const { results, live } = await start(fake);
    expect(fake.activeRegistrations).toBe(3); // onChanged, onSelectionChanged, onActivated of the collection
    fake.user.edit("2027年", "D9", ""); // never activated: heard only at the collection level
    await fake.flushEvents();
    await advance(300);
    const got = reports(results);
    expect(got.map((r) => [r.trigger, r.sheetName])).toEqual([["start", "Sheet1"], ["changed", "2027年"]]);
    expect(got[1]?.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D9"]);
    await live.stop();
    expect(fake.activeRegistrations).toBe(0);
  });

  test.each([["1.14"], ["1.8"]])("ExcelApi %s: the re-check follows the sheet the user activates", async (apiVersion) => {
    const fake = setup({ apiVersion, sheets: ["Sheet1", "2027年"] });
    seedForm(fake);
    seedForm(fake, GOOD_ROWS.map((r, i) => (i === 2 ? { ...r, level3: "" } : r)), "A1", "2027年");
    const { results, live } = await start(fake);
    const registered = fake.activeRegistrations;
    expect(registered).toBe(3);
    fake.user.activate("2027年");
    await fake.flushEvents();
    await advance(0);
    await fake.flushEvents();
    await advance(0);
    let got = reports(results);
    expect(got.map((r) => [r.trigger, r.sheetName])).toEqual([["start", "Sheet1"], ["activated", "2027年"]]);
    expect(got[1]?.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D9"]);
    expect(fake.activeRegistrations).toBe(registered); // moved, not added

    // The re-check writes nothing, so no own-write window hides an edit right after it, at any version.
    fake.user.edit("2027年", "D10", ""); // an edit on the sheet now active
    await fake.flushEvents();
    await advance(300);
    got = reports(results);
    expect(got.map((r) => [r.trigger, r.sheetName]).at(-1)).toEqual(["changed", "2027年"]);
    expect(got.at(-1)?.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D9", "D10"]);

    fake.user.activate("Sheet1"); // and back
    await fake.flushEvents();
    await advance(0);
    await fake.flushEvents();
    await advance(0);
    expect(reports(results).map((r) => [r.trigger, r.sheetName]).at(-1)).toEqual(["activated", "Sheet1"]);
    await advance(OWN_WRITE_WINDOW_MS);
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(300);
    expect(reports(results).at(-1)?.trigger).toBe("changed");
    expect(reports(results).at(-1)?.findings.filter((f) => f.rule === "level3-missing").map((f) => f.cell)).toEqual(["D8"]);
    await live.stop();
    expect(fake.activeRegistrations).toBe(0);
  });

  test("below ExcelApi 1.9 only the active sheet is heard: an edit on a sheet left behind is not re-checked", async () => {
    const fake = setup({ apiVersion: "1.8", sheets: ["Sheet1", "2027年"] });
    seedForm(fake);
    seedForm(fake, GOOD_ROWS, "A1", "2027年");
    const { results, live } = await start(fake);
    fake.user.activate("2027年");
    await fake.flushEvents();
    await advance(0);
    await fake.flushEvents();
    await advance(0);
    expect(results).toHaveLength(2);
    fake.user.edit("Sheet1", "D8", "", { source: "Remote" });
    await fake.flushEvents();
    await advance(1000);
    expect(results).toHaveLength(2);
    await live.stop();
    expect(fake.activeRegistrations).toBe(0);
  });

  test("switching sheets quickly moves the handlers once per switch and ends on the last sheet", async () => {
    const fake = setup({ apiVersion: "1.8", sheets: ["Sheet1", "A", "B"] });
    seedForm(fake);
    seedForm(fake, GOOD_ROWS, "A1", "B");
    const { results, live } = await start(fake);
    fake.user.activate("A");
    fake.user.activate("B");
    for (let i = 0; i < 4; i++) {
      await fake.flushEvents();
      await advance(0);
    }
    expect(fake.activeRegistrations).toBe(3);
    const got = reports(results);
    expect(got.map((r) => [r.trigger, r.sheetName])).toEqual([["start", "Sheet1"], ["activated", "B"]]);
    fake.user.edit("B", "D8", "");
    await fake.flushEvents();
    await advance(300);
    expect(reports(results).at(-1)?.sheetName).toBe("B");
    await live.stop();
    expect(fake.activeRegistrations).toBe(0);
  });

  test("a changed expected total re-runs the rules at the next re-check", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    let expectedTotal = 90;
    const { results, live } = await start(fake, { settings: () => ({ expectedTotal }) });
    expect(reports(results)[0]?.findings.some((f) => f.rule === "score-total")).toBe(false);
    expectedTotal = 100;
    fake.user.edit("Sheet1", "A200", "表外的字"); // outside the form: only the setting changed
    await fake.flushEvents();
    await advance(300);
    expect(reports(results)[1]?.findings.some((f) => f.rule === "score-total")).toBe(true);
    await live.stop();
  });

  test("stop() removes the handlers; later edits are not checked", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    const { results, live } = await start(fake);
    expect(fake.activeRegistrations).toBe(3);
    await live.stop();
    expect(fake.activeRegistrations).toBe(0);
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(1000);
    expect(results).toHaveLength(1);
  });

  test("the form disappearing is reported as a no-form error", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    const { results, live } = await start(fake);
    fake.user.clear("Sheet1", "A1:J40");
    await fake.flushEvents();
    await advance(300);
    expect(results[1]?.ok).toBe(false);
    expect(results[1] && !results[1].ok ? results[1].error.code : null).toBe("no-form");
    await live.stop();
  });

  test("Excel without onChanged details (ExcelApi 1.7) is told live checking needs 1.8", async () => {
    setup({ apiVersion: "1.7" });
    const r = await startLiveCheck(() => undefined);
    expect(r.ok ? null : r.error.code).toBe("unsupported");
  });

  test("round trips per re-check are the same at 10, 100 and 1000 rows", async () => {
    const counts: number[] = [];
    for (const n of [10, 100, 1000]) {
      const fake = setup({ apiVersion: "1.14", payloadLimit: null });
      seedForm(fake, manyRows(n));
      const { results, live } = await start(fake);
      fake.resetCounters();
      fake.user.edit("Sheet1", "D8", ""); // a new level3-missing mark at every size
      await fake.flushEvents();
      await advance(300);
      expect(results).toHaveLength(2);
      counts.push(fake.syncCount);
      await live.stop();
    }
    expect(counts[0]).toBeLessThanOrEqual(2);
    expect(new Set(counts).size).toBe(1);
  });
});

describe("startLiveCheck at its edges", () => {
  test("initial: false checks nothing until an edit; debounceMs sets the quiet time", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    const { results, live } = await start(fake, { initial: false, debounceMs: 50 });
    expect(results).toEqual([]);
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(49);
    expect(results).toHaveLength(0);
    await advance(1);
    expect(reports(results).map((r) => r.trigger)).toEqual(["changed"]);
    await live.stop();
  });

  test("the default quiet time is 300 ms", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    const { results, live } = await start(fake);
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(299);
    expect(results).toHaveLength(1);
    await advance(1);
    expect(results).toHaveLength(2);
    await live.stop();
  });

  test("settings given as a function are read at each re-check, in the operation's language", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    let total = 90;
    const { results, live } = await start(fake, { settings: () => ({ ...DEFAULT_SETTINGS, expectedTotal: total }), language: "en" });
    const totalFinding = (r: LiveReport | undefined) => r?.findings.some((f) => f.rule === "score-total") ?? false;
    expect(totalFinding(reports(results)[0])).toBe(false);
    total = 100;
    fake.user.edit("Sheet1", "J8", "备注");
    await fake.flushEvents();
    await advance(300);
    const second = reports(results)[1];
    expect(totalFinding(second)).toBe(true);
    expect(second?.findings.find((f) => f.rule === "score-total")?.message).not.toMatch(/[\u4e00-\u9fff]{4}/);
    await live.stop();
  });

  test("an edit and a dropdown pick in one burst report as 'changed'", async () => {
    const fake = setup({ apiVersion: "1.14", platform: "web" });
    seedForm(fake);
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    const { results, live } = await start(fake);
    fake.user.edit("Sheet1", "D9", "");
    fake.user.select("Sheet1", "C9");
    fake.user.pickFromDropdown("Sheet1", "C9", "社会效益指标", "H9");
    await fake.flushEvents();
    await advance(300);
    await fake.flushEvents();
    await advance(300);
    expect(reports(results).map((r) => r.trigger)).toEqual(["start", "changed"]);
    await live.stop();
  });

  test("leaving a selection of more than 200 dropdown cells reads nothing; 200 or fewer are read", async () => {
    const fake = setup({ apiVersion: "1.14", platform: "web", payloadLimit: null });
    seedForm(fake, manyRows(300));
    const installed = await installNativeRules();
    if (!installed.ok) throw installed.error;
    const { live } = await start(fake);
    const readsAfterLeaving = async (area: string): Promise<number> => {
      fake.user.select("Sheet1", area);
      await fake.flushEvents();
      await advance(400);
      fake.resetCounters();
      fake.user.select("Sheet1", "H8");
      await fake.flushEvents();
      await advance(400);
      return fake.syncCount;
    };
    expect(await readsAfterLeaving("B7:B207")).toBe(0); // 201 cells
    expect(await readsAfterLeaving("B7:B206")).toBe(1); // 200 cells
    expect(await readsAfterLeaving("B7:C106")).toBe(1); // 200 cells over two columns
    expect(await readsAfterLeaving("B7:C107")).toBe(0); // 202
    expect(await readsAfterLeaving("C9:B8")).toBe(1); // written backwards
    expect(await readsAfterLeaving("7:8")).toBe(0); // whole rows: not a cell address
    await live.stop();
  });

  test("the no-form error is said once, again when the user turns back to the sheet", async () => {
    const fake = setup({ apiVersion: "1.14", sheets: ["Sheet1", "说明"] });
    seedForm(fake);
    const { results, live } = await start(fake);
    fake.user.clear("Sheet1", "A1:J40");
    await fake.flushEvents();
    await advance(300);
    fake.user.edit("Sheet1", "A1", "随便");
    await fake.flushEvents();
    await advance(300);
    const errors = () => results.filter((r) => !r.ok).length;
    expect(errors()).toBe(1);
    fake.user.activate("说明");
    await fake.flushEvents();
    await advance(0);
    expect(errors()).toBe(2); // 说明 holds no form either: said at once
    fake.user.activate("Sheet1");
    await fake.flushEvents();
    await advance(0);
    expect(errors()).toBe(3);
    // The form typed back in: reported as changed, even though the trigger alone would not say so.
    seedForm(fake);
    fake.user.edit("Sheet1", "J8", "备注");
    await fake.flushEvents();
    await advance(300);
    expect(results.at(-1)?.ok).toBe(true);
    await live.stop();
  });

  test("a host error during a re-check is reported; stopping while it runs reports nothing more", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    const { results, live } = await start(fake);
    fake.failNextSync({ code: "GeneralException" });
    fake.user.edit("Sheet1", "D8", "");
    await fake.flushEvents();
    await advance(300);
    expect(results[1] && !results[1].ok ? results[1].error.code : null).toBe("host");
    expect(results[1] && !results[1].ok ? results[1].error.message : "").toMatch(/^边填边查失败/);
    fake.user.edit("Sheet1", "D9", "");
    await fake.flushEvents();
    await advance(299);
    const stopping = live.stop();
    await advance(10);
    await stopping;
    expect(results).toHaveLength(2);
  });
});

describe("the look after the own-write window", () => {
  test("another write inside the wait postpones the look by a window again; the edit is still re-checked", async () => {
    const fake = setup({ apiVersion: "1.8" });
    seedForm(fake);
    const { results, live } = await start(fake);
    await asOwnWrite(() => Promise.resolve());
    fake.user.edit("Sheet1", "D9", ""); // the user's edit inside the window
    await fake.flushEvents();
    await advance(900);
    await asOwnWrite(() => Promise.resolve()); // one more of our writes, 100 ms before the look
    await advance(100 + 300 + 50); // the look comes, the window is open again: wait once more
    expect(results).toHaveLength(1);
    await advance(OWN_WRITE_WINDOW_MS);
    expect(reports(results).map((r) => r.trigger)).toEqual(["start", "verify"]);
    await live.stop();
  });

  test("edits on two sheets inside the window are both looked at (ExcelApi 1.9 events, no 1.14 tags)", async () => {
    const fake = setup({ apiVersion: "1.9", sheets: ["Sheet1", "2027年"] });
    seedForm(fake);
    seedForm(fake, GOOD_ROWS, "A1", "2027年");
    const { results, live } = await start(fake);
    await asOwnWrite(() => Promise.resolve());
    fake.user.edit("Sheet1", "D9", "");
    fake.user.edit("2027年", "D10", "");
    await fake.flushEvents();
    await advance(OWN_WRITE_WINDOW_MS + 300);
    const got = reports(results).slice(1);
    expect(got.map((r) => [r.trigger, r.sheetName]).sort()).toEqual([["verify", "2027年"], ["verify", "Sheet1"]]);
    await live.stop();
  });
});

describe("starting and stopping", () => {
  test.each([["1.14"], ["1.8"]])("ExcelApi %s: a host error while subscribing is a typed error and leaves no handler", async (apiVersion) => {
    const fake = setup({ apiVersion });
    seedForm(fake);
    fake.failNextSync({ code: "GeneralException" }, apiVersion === "1.8" ? 1 : 0);
    const r = await startLiveCheck(() => undefined);
    expect(r.ok ? null : [r.error.code, r.error.message.startsWith("边填边查失败")]).toEqual(["host", true]);
    expect(fake.activeRegistrations).toBe(0);
  });

  test("stop() twice is harmless; a stopped check reports nothing", async () => {
    const fake = setup({ apiVersion: "1.14" });
    seedForm(fake);
    const { results, live } = await start(fake);
    await live.stop();
    await live.stop();
    expect(fake.activeRegistrations).toBe(0);
    expect(results).toHaveLength(1);
  });

  test("stopping during the first check: its result is not reported", async () => {
    const fake = setup({ apiVersion: "1.14", latencyMs: 50, realDelay: false });
    seedForm(fake);
    const results: Array<Result<LiveReport>> = [];
    const started = await startLiveCheck((r) => results.push(r));
    if (!started.ok) throw started.error;
    await started.value.stop();
    await advance(1000);
    expect(results).toEqual([]);
  });
});
