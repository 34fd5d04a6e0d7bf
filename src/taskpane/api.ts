// The pane's one adapter onto the Excel layer (src/excel/) and Office's document settings: every workbook
// call the pane makes goes through here, so a change in the Excel layer's signatures stays in this file.
import type { Language, Settings } from "../domain/settings";
import type { CheckReport as ExcelCheckReport } from "../excel/check";
import type { Result } from "../excel/errors";
import type { NextYearChange as ExcelNextYear } from "../excel/fiscal";
import { hostCapabilities, requirementsIn } from "../excel/host";
import { excelMessages } from "../excel/messages";
import type { StandardsOutcome } from "../excel/scoring";
import { selectCell, watchSelection } from "../excel/select";
import type { CheckReport, NextYearChange, PaneApi, PaneResult, WriteOutcome } from "./api-types";
import { isChinese } from "./messages";

/** Document-settings key of the expected total (指标总分). */
export const EXPECTED_TOTAL_KEY = "expectedTotal";
/** Document-settings key of the 编辑时自动重新检查 box, remembered per workbook. */
export const LIVE_CHECK_KEY = "liveCheck";
const DEFAULT_EXPECTED_TOTAL = 90;

/** The Excel layer's Result with the pane's failure shape. */
function adapt<T, U>(r: Result<T>, map: (value: T) => U): PaneResult<U> {
  return r.ok ? { ok: true, value: map(r.value) } : { ok: false, error: { message: r.error.message, code: r.error.code } };
}

/** The pane's own language, decided the way the pane picks its texts (taskpane.ts). */
export function paneLanguage(): Language {
  const display = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return isChinese(display) ? "zh" : "en";
}

function report(r: ExcelCheckReport): CheckReport {
  return {
    sheetName: r.sheetName,
    forms: r.forms.map((f) => ({ anchor: f.anchor, findings: f.findings, pointsTotal: f.pointsTotal, rowLabels: f.rowLabels, year: f.year })),
    findings: r.findings,
  };
}

function nextYear(c: ExcelNextYear): NextYearChange {
  return { fromYear: c.fromYear, toYear: c.toYear, sheetName: c.sheetName, edits: c.edits, skipped: c.skipped };
}

function outcome(o: StandardsOutcome): WriteOutcome {
  return { written: o.written.length, skipped: o.skippedRows.length, pointsTotal: o.pointsTotal };
}

/** The engine (reader, rules, checking, live checking, marks): requested as the pane starts, in parallel with its first
 * render, so the start-up script stays small; every operation that needs it awaits the same promise. */
type Engine = typeof import("./engine");
let engine: Promise<Engine> | null = null;
let engineArrived = false;
export function loadEngine(): Promise<Engine> {
  engine ??= import(/* webpackChunkName: "engine" */ "./engine").then(
    (m) => {
      engineArrived = true;
      // For bench/startup.bench.ts: when checking became possible.
      if (typeof performance !== "undefined") performance.mark("jixiao-engine-ready");
      return m;
    },
    (e: unknown) => {
    // Not served (a network glitch): the next operation asks again.
      engine = null;
      throw e;
    },
  );
  return engine;
}

function scoringOps(): Promise<typeof import("../excel/scoring")> {
  return import(/* webpackChunkName: "scoring" */ "../excel/scoring");
}

function documentSettings(): Office.Settings | null {
  return typeof Office !== "undefined" && Office.context?.document?.settings ? Office.context.document.settings : null;
}

/**
 * The pane's adapter. `language` is the pane's (default: chosen from Office's display language as the pane
 * chooses its texts); every Excel-layer call, its errors and the findings use it.
 */
export function createPaneApi(language: Language = paneLanguage()): PaneApi {
  const say = excelMessages(language);
  /** Settings for the Excel layer, without parsing (the pane validated the number already). */
  const settingsWith = (expectedTotal: number): Settings => ({ expectedTotal, language });
  const api: PaneApi = {
    // Inserting, rows and next year load on first use (chunks of their own): the pane starts without them.
    async insertForm(input) {
      const { insertForm } = await import(/* webpackChunkName: "insert" */ "../excel/insert");
      return adapt(await insertForm({ year: input.year, deptName: input.deptName, language }), (v) => ({ sheetName: v.sheetName, notes: v.notes }));
    },
    async setPrintMerges(merged) {
      const { setPrintMerges } = await import(/* webpackChunkName: "rows" */ "../excel/rows");
      return adapt(await setPrintMerges(merged, { language }), () => undefined);
    },
    async addIndicatorRows(count) {
      const { addIndicatorRows } = await import(/* webpackChunkName: "rows" */ "../excel/rows");
      return adapt(await addIndicatorRows(count, { language }), (v) => ({ added: v.added }));
    },
    engineReady() {
      return engineArrived ? null : loadEngine().then(() => undefined);
    },
    async check(expectedTotal, onProgress) {
      const { checkActiveSheet } = await loadEngine();
      return adapt(await checkActiveSheet({ settings: settingsWith(expectedTotal), language, ...(onProgress ? { onProgress } : {}) }), report);
    },
    async markFindings(expectedTotal) {
      const { markFindings } = await loadEngine();
      return adapt(await markFindings({ settings: settingsWith(expectedTotal), language }), report);
    },
    async clearMarks() {
      const { clearMarks } = await import(/* webpackChunkName: "clear-marks" */ "../excel/clearMarks");
      return adapt(await clearMarks({ language }), (v) => ({ removed: v.removed, message: v.message }));
    },
    async startLiveCheck(expectedTotal, onReport, initial) {
      const { startLiveCheck } = await loadEngine();
      const started = await startLiveCheck((r) => onReport(adapt(r, report)), {
        settings: () => settingsWith(expectedTotal()),
        initial,
        language,
      });
      return adapt(started, (live) => ({ stop: () => void live.stop() }));
    },
    async watchSelection(onChange) {
      return adapt(await watchSelection(onChange, { language }), (w) => ({ stop: () => void w.stop() }));
    },
    async writeRowStandards(rows, overwrite) {
      const { writeRowStandards } = await scoringOps();
      return adapt(await writeRowStandards(rows, { overwrite, language }), (o) =>
        o.moved ? { moved: true as const, selectedRows: o.selectedRows } : { ...outcome(o), moved: false as const, rows: o.rows },
      );
    },
    loadLiveCheck() {
      // Ticked unless this workbook remembers it unticked.
      return documentSettings()?.get(LIVE_CHECK_KEY) !== false;
    },
    saveLiveCheck(on) {
      return saveSetting(LIVE_CHECK_KEY, on);
    },
    async selectCell(sheetName, address) {
      return adapt(await selectCell(sheetName, address, { language }), () => undefined);
    },
    // The scoring operations load with the 评分标准 tab (a chunk of their own), not at the pane's start.
    async readSelection(expectedTotal) {
      const { readScoringSelection } = await scoringOps();
      return adapt(await readScoringSelection({ settings: settingsWith(expectedTotal), language }), (v) =>
        "kind" in v ? v : { sheetName: v.sheetName, rows: v.rows, pointsTotal: v.pointsTotal },
      );
    },
    async writeStandards(method, overwrite, expectedTotal) {
      const { writeStandards } = await scoringOps();
      return adapt(await writeStandards("selection", method, { overwrite, settings: settingsWith(expectedTotal), language }), outcome);
    },
    async fillBlankStandards(expectedTotal) {
      const { fillBlankStandards } = await scoringOps();
      return adapt(await fillBlankStandards({ settings: settingsWith(expectedTotal), language }), outcome);
    },
    async previewNextYear(updateMentions) {
      const { previewNextFiscalYear } = await import(/* webpackChunkName: "fiscal" */ "../excel/fiscal");
      return adapt(await previewNextFiscalYear({ updateMentions, language }), nextYear);
    },
    async makeNextYear(updateMentions) {
      const { makeNextFiscalYear } = await import(/* webpackChunkName: "fiscal" */ "../excel/fiscal");
      return adapt(await makeNextFiscalYear({ updateMentions, language }), nextYear);
    },
    async makeSelfEvaluation() {
      const { makeSelfEvaluation } = await import(/* webpackChunkName: "selfeval" */ "../excel/selfeval");
      return adapt(await makeSelfEvaluation({ language }), (v) => ({ sheetName: v.sheetName, notes: v.notes }));
    },
    capabilities() {
      const { supported } = hostCapabilities(undefined, language);
      const requirements = requirementsIn(language);
      return (Object.keys(requirements) as Array<keyof typeof requirements>).map((op) => ({
        op,
        label: requirements[op].feature,
        supported: supported[op],
        detail: say.needsApi(requirements[op].version),
      }));
    },
    loadExpectedTotal() {
      const stored: unknown = documentSettings()?.get(EXPECTED_TOTAL_KEY);
      return typeof stored === "number" && stored > 0 && stored <= 1000 ? stored : DEFAULT_EXPECTED_TOTAL;
    },
    saveExpectedTotal(total) {
      return saveSetting(EXPECTED_TOTAL_KEY, total);
    },
  };
  return api;

  function saveSetting(key: string, value: number | boolean): Promise<PaneResult<void>> {
    const settings = documentSettings();
    if (!settings) return Promise.resolve({ ok: false, error: { message: say.documentSettingsUnavailable() } });
    settings.set(key, value);
    return new Promise((resolve) => {
      settings.saveAsync((r) => {
        resolve(
          r.status === Office.AsyncResultStatus.Succeeded
            ? { ok: true, value: undefined }
            : { ok: false, error: { message: say.settingsSaveFailed(r.error?.message ?? null) } },
        );
      });
    });
  }
}
