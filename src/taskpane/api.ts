// The pane's one adapter onto the Excel layer (src/excel/) and Office's document settings: every workbook
// call the pane makes goes through here, so a change in the Excel layer's signatures stays in this file.
import type { Settings } from "../domain/settings";
import { checkActiveSheet, type CheckReport as ExcelCheckReport } from "../excel/check";
import type { Result } from "../excel/errors";
import { makeNextFiscalYear, previewNextFiscalYear, type NextYearChange as ExcelNextYear } from "../excel/fiscal";
import { hostCapabilities, REQUIREMENTS } from "../excel/host";
import { insertForm } from "../excel/insert";
import { startLiveCheck } from "../excel/live";
import { addIndicatorRows, setPrintMerges } from "../excel/rows";
import { fillBlankStandards, readSelectionRows, writeStandards, type StandardsOutcome } from "../excel/scoring";
import { selectCell } from "../excel/select";
import type { CheckReport, NextYearChange, PaneApi, PaneResult, WriteOutcome } from "./api-types";

/** Document-settings key of the expected total (指标总分). */
export const EXPECTED_TOTAL_KEY = "expectedTotal";
const DEFAULT_EXPECTED_TOTAL = 90;

/** The Excel layer's Result with the pane's failure shape. */
function adapt<T, U>(r: Result<T>, map: (value: T) => U): PaneResult<U> {
  return r.ok ? { ok: true, value: map(r.value) } : { ok: false, error: { message: r.error.message } };
}

/** Settings for the Excel layer, without parsing (the pane validated the number already). */
function settingsWith(expectedTotal: number): Settings {
  return { expectedTotal };
}

function report(r: ExcelCheckReport): CheckReport {
  return {
    sheetName: r.sheetName,
    forms: r.forms.map((f) => ({ anchor: f.anchor, findings: f.findings, pointsTotal: f.pointsTotal })),
    findings: r.findings,
  };
}

function nextYear(c: ExcelNextYear): NextYearChange {
  return { fromYear: c.fromYear, toYear: c.toYear, sheetName: c.sheetName, edits: c.edits, skipped: c.skipped };
}

function outcome(o: StandardsOutcome): WriteOutcome {
  return { written: o.written.length, skipped: o.skippedRows.length, pointsTotal: o.pointsTotal };
}

function documentSettings(): Office.Settings | null {
  return typeof Office !== "undefined" && Office.context?.document?.settings ? Office.context.document.settings : null;
}

export function createPaneApi(): PaneApi {
  return {
    async insertForm(input) {
      return adapt(await insertForm({ year: input.year, deptName: input.deptName }), (v) => ({ sheetName: v.sheetName, notes: v.notes }));
    },
    async setPrintMerges(merged) {
      return adapt(await setPrintMerges(merged), () => undefined);
    },
    async addIndicatorRows(count) {
      return adapt(await addIndicatorRows(count), (v) => ({ added: v.added }));
    },
    async check(expectedTotal) {
      return adapt(await checkActiveSheet({ settings: settingsWith(expectedTotal) }), report);
    },
    async startLiveCheck(expectedTotal, onReport) {
      const started = await startLiveCheck((r) => onReport(adapt(r, report)), {
        settings: () => settingsWith(expectedTotal()),
        initial: false,
      });
      return adapt(started, (live) => ({ stop: () => void live.stop() }));
    },
    async selectCell(sheetName, address) {
      return adapt(await selectCell(sheetName, address), () => undefined);
    },
    async readSelection(expectedTotal) {
      return adapt(await readSelectionRows({ settings: settingsWith(expectedTotal) }), (v) => ({
        sheetName: v.sheetName,
        rows: v.rows,
        pointsTotal: v.pointsTotal,
      }));
    },
    async writeStandards(method, overwrite, expectedTotal) {
      return adapt(await writeStandards("selection", method, { overwrite, settings: settingsWith(expectedTotal) }), outcome);
    },
    async fillBlankStandards(expectedTotal) {
      return adapt(await fillBlankStandards({ settings: settingsWith(expectedTotal) }), outcome);
    },
    async previewNextYear(updateMentions) {
      return adapt(await previewNextFiscalYear({ updateMentions }), nextYear);
    },
    async makeNextYear(updateMentions) {
      return adapt(await makeNextFiscalYear({ updateMentions }), nextYear);
    },
    capabilities() {
      const { supported } = hostCapabilities();
      return (Object.keys(REQUIREMENTS) as Array<keyof typeof REQUIREMENTS>).map((op) => ({
        label: REQUIREMENTS[op].feature,
        supported: supported[op],
        detail: `需要 ExcelApi ${REQUIREMENTS[op].version}`,
      }));
    },
    loadExpectedTotal() {
      const stored: unknown = documentSettings()?.get(EXPECTED_TOTAL_KEY);
      return typeof stored === "number" && stored > 0 && stored <= 1000 ? stored : DEFAULT_EXPECTED_TOTAL;
    },
    saveExpectedTotal(total) {
      const settings = documentSettings();
      if (!settings) return Promise.resolve({ ok: false, error: { message: "无法访问工作簿的设置：请在 Excel 中打开任务窗格。" } });
      settings.set(EXPECTED_TOTAL_KEY, total);
      return new Promise((resolve) => {
        settings.saveAsync((r) => {
          resolve(
            r.status === Office.AsyncResultStatus.Succeeded
              ? { ok: true, value: undefined }
              : { ok: false, error: { message: `保存设置失败：${r.error?.message ?? "未知原因"}。请确认工作簿未处于只读状态后重试。` } },
          );
        });
      });
    },
  };
}
