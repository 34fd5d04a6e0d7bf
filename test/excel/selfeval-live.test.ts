// Live checking on a self-evaluation sheet: typing an actual value re-checks with the self-evaluation rules.
import type { Result } from "../../src/excel/errors";
import { startLiveCheck, type LiveReport } from "../../src/excel/live";
import { makeSelfEvaluation } from "../../src/excel/selfeval";
import { advance, seedForm, setup, teardown } from "./helpers";

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  teardown();
});

test("typing an actual value that misses its target brings deviation-reason-missing; giving a reason clears it", async () => {
  const fake = setup({ apiVersion: "1.14" });
  seedForm(fake, undefined, "A1", "Sheet1", { year: 2026 });
  const made = await makeSelfEvaluation();
  if (!made.ok) throw made.error;
  const results: Array<Result<LiveReport>> = [];
  const started = await startLiveCheck((r) => results.push(r));
  if (!started.ok) throw started.error;
  await advance(0);
  await fake.flushEvents();
  const last = (): LiveReport => {
    const r = results[results.length - 1];
    if (!r?.ok) throw r ? r.error : new Error("no report");
    return r.value;
  };
  expect(last().findings.some((f) => f.rule === "actual-missing" && f.cell === "E8")).toBe(true);

  fake.user.edit("2026年自评", "E8", "1080");
  await fake.flushEvents();
  await advance(300);
  expect(last().findings.some((f) => f.cell === "E8")).toBe(false);
  expect(last().findings.filter((f) => f.rule === "deviation-reason-missing").map((f) => f.cell)).toEqual(["H8"]);

  fake.user.edit("2026年自评", "H8", "两期培训推迟到次年。");
  await fake.flushEvents();
  await advance(300);
  expect(last().findings.some((f) => f.rule === "deviation-reason-missing")).toBe(false);
  await started.value.stop();
});
