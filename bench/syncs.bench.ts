// Round trips (context.sync calls) per Excel operation on forms of 10, 100 and 1000 indicator rows,
// counted by the strict fake Excel host, and the wall time they would cost at 100 ms per round trip
// (Excel on the web, where each sync is a network request). Budget: ≤2 each (newFiscalYear, selfEvaluation ≤3), the
// same at every size.

import type { CellValue } from "../src/domain/grid";
import { checkActiveSheet } from "../src/excel/check";
import { clearMarks } from "../src/excel/clearMarks";
import { installNativeRules } from "../src/excel/nativeRules";
import { addIndicatorRows } from "../src/excel/rows";
import { makeNextFiscalYear } from "../src/excel/fiscal";
import { insertForm } from "../src/excel/insert";
import { startLiveCheck } from "../src/excel/live";
import { resetOwnWrites } from "../src/excel/ownWrites";
import { fillBlankStandards } from "../src/excel/scoring";
import { makeSelfEvaluation } from "../src/excel/selfeval";
import { createFakeExcel, type FakeExcel, type Scalar } from "../test/support/fake-excel";
import { formGrid, GOOD_ROWS, type RowInput } from "../test/support/form-grid";

export const key = "syncs";

const SIZES = [10, 100, 1000] as const;
const MS_PER_SYNC = 100;

type Sizes = Record<"10" | "100" | "1000", number>;
type OperationKey =
  | "insertTemplate" | "check" | "fillScoring" | "newFiscalYear" | "liveRecheck" | "selfEvaluation" | "installRules" | "addRows" | "clearMarks";

function rows(n: number, blankStandards = false): RowInput[] {
  return Array.from({ length: n }, (_, i) => {
    const base = GOOD_ROWS[i % GOOD_ROWS.length] as RowInput;
    return { ...base, level3: `${String(base.level3)}${i + 1}`, ...(blankStandards ? { scoringStandard: "" } : {}) };
  });
}

/** A fake Excel with a filled-in form of `n` rows on Sheet1, installed as the global host. */
function hostWithForm(n: number, blankStandards = false): { fake: FakeExcel; uninstall: () => void } {
  const fake = createFakeExcel({ latencyMs: MS_PER_SYNC, payloadLimit: null, apiVersion: "1.17" });
  const uninstall = fake.install(globalThis);
  resetOwnWrites();
  const grid = formGrid(rows(n, blankStandards), { year: 2027 });
  fake.sheet("Sheet1").seed("A1", grid.map((r) => r.map((v: CellValue): Scalar => (v === null || v === undefined ? "" : v))));
  return { fake, uninstall };
}

async function measure(n: number, op: OperationKey): Promise<{ syncs: number; ms: number }> {
  const empty = op === "insertTemplate";
  const { fake, uninstall } = empty
    ? (() => {
        const f = createFakeExcel({ latencyMs: MS_PER_SYNC, payloadLimit: null });
        return { fake: f, uninstall: f.install(globalThis) };
      })()
    : hostWithForm(n, op === "fillScoring");
  try {
    fake.resetCounters();
    const ok = (r: { ok: boolean; error?: unknown }) => {
      if (!r.ok) throw r.error instanceof Error ? r.error : new Error(String(r.error));
    };
    switch (op) {
      case "insertTemplate":
        ok(await insertForm({ year: 2027, rows: rows(n).map((r) => ({ level1: String(r.level1 ?? ""), level2: String(r.level2 ?? "") })) }));
        break;
      case "check":
        ok(await checkActiveSheet());
        break;
      case "fillScoring":
        ok(await fillBlankStandards());
        break;
      case "newFiscalYear":
        ok(await makeNextFiscalYear({ updateMentions: true }));
        break;
      case "selfEvaluation": // 生成自评表 (budget ≤3)
        ok(await makeSelfEvaluation());
        break;
      case "installRules":
        ok(await installNativeRules());
        break;
      case "addRows": {
        ok(await installNativeRules()); // rows added to a form with rules: the rules are extended too
        fake.resetCounters();
        ok(await addIndicatorRows(5));
        break;
      }
      case "clearMarks": {
        fake.user.edit("Sheet1", "D8", ""); // a finding to mark
        ok(await checkActiveSheet());
        fake.resetCounters();
        ok(await clearMarks());
        break;
      }
      case "liveRecheck": {
        let done: () => void = () => undefined;
        const reported = new Promise<void>((resolve) => (done = resolve));
        const started = await startLiveCheck(() => done(), { debounceMs: 5, initial: false });
        if (!started.ok) throw started.error;
        fake.resetCounters();
        fake.user.edit("Sheet1", "D8", ""); // a new finding: the live re-check reads and reports, writing nothing
        await reported;
        const counted = { syncs: fake.syncCount, ms: fake.simulatedMs };
        await started.value.stop();
        return counted;
      }
    }
    return { syncs: fake.syncCount, ms: fake.simulatedMs };
  } finally {
    uninstall();
  }
}

export async function run(): Promise<Record<OperationKey, Sizes> & { simulatedMsAt100msPerSync: Record<OperationKey, Sizes> }> {
  const ops: OperationKey[] = [
    "insertTemplate", "check", "fillScoring", "newFiscalYear", "liveRecheck", "selfEvaluation", "installRules", "addRows", "clearMarks",
  ];
  const syncs = {} as Record<OperationKey, Sizes>;
  const ms = {} as Record<OperationKey, Sizes>;
  for (const op of ops) {
    syncs[op] = {} as Sizes;
    ms[op] = {} as Sizes;
    for (const n of SIZES) {
      const m = await measure(n, op);
      syncs[op][String(n) as keyof Sizes] = m.syncs;
      ms[op][String(n) as keyof Sizes] = m.ms;
    }
  }
  return { ...syncs, simulatedMsAt100msPerSync: ms };
}
