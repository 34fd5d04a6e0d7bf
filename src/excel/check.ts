// 检查：read the active sheet in one round trip, find its forms, run the rules, mark the cells of findings
// the workbook's own conditional formats cannot show, in one write round trip.

import type { Finding } from "../domain/findings";
import { compareFindings } from "../domain/findings";
import type { Form } from "../domain/form";
import { a1, parseA1, type Grid } from "../domain/grid";
import { checkForm, checkSelfEvaluation } from "../domain/rules";
import { readSelfEvaluations, type SelfEvalTable } from "../domain/selfeval";
import { DEFAULT_SETTINGS, type Settings } from "../domain/settings";
import { ExcelOperationError, type Result } from "./errors";
import { formAnchor, formFingerprint, pointsTotal, sheetForms } from "./formInfo";
import { brokenFormats, earlierMarks, queueMarkRead, queueMarkWrite } from "./marks";
import { NATIVE_RULE_IDS } from "../domain/native";
import { excelMessages, NO_FORM_MESSAGE, OPERATION_NAMES } from "./messages";
import { nativeCoverage } from "./nativeRules";
import { asOwnWrite } from "./ownWrites";
import { runExcel, settingsIn, type HostOptions } from "./run";
import { isNumberCell, queueSheetRead, readRestOfSheet, syncFirstRead, type QueuedSheetRead } from "./sheetGrid";

export interface CheckedForm {
  /** Where the form starts on the sheet (A1), to tell several forms apart. */
  anchor: string;
  /** 1-based sheet rows: the grid header, and the first and last indicator rows. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** This form's findings, errors first; cells are sheet addresses. */
  findings: Finding[];
  /** Sum of the indicators' points (分值 column or stated in the standards); null when none states points. */
  pointsTotal: number | null;
  /** Each indicator row's name (三级指标, else its level-2/level-1), by 1-based sheet row: the pane's row headings. */
  rowLabels: Record<number, string>;
  /** The form's year (its year line or title), null when it states none: the pane's year box follows it. */
  year: number | null;
}

export interface CheckReport {
  sheetName: string;
  forms: CheckedForm[];
  /** Every finding of the sheet, errors first. */
  findings: Finding[];
  /** Cells marked on the sheet for engine-only findings (A1, sorted). */
  marked: string[];
  /** Plain Chinese notes for the user (e.g. marks skipped on a protected sheet). */
  notes: string[];
}

export interface CheckOptions extends HostOptions {
  settings?: Settings;
  /** Hears how far a long sheet has been read (rows read, rows in all): for a progress bar. */
  onProgress?: (rows: number, total: number) => void;
  /** Mark the cells of engine-only findings (default true). */
  mark?: boolean;
}

export { NO_FORM_MESSAGE };

/** A form's earlier result, for re-checking only what changed. */
export interface CachedForm {
  fingerprint: string;
  checked: CheckedForm;
}

export interface CoreOutcome {
  report: CheckReport;
  /** Anchors of the forms whose rules ran this time (the others came from the cache). */
  rechecked: string[];
  /** Fingerprint and result per form, keyed by anchor, for the next run. */
  cache: Map<string, CachedForm>;
  /** Whether the marks on the sheet were rewritten. */
  marksWritten: boolean;
  /** The sheet as read, and its forms: what the live check compares a selection's cells with. */
  grid: Grid;
  forms: Form[];
}

function checkedForm(form: Form, settings: Settings): CheckedForm {
  return {
    anchor: formAnchor(form),
    headerRow: form.headerRow + 1,
    firstRow: form.firstRow + 1,
    lastRow: form.lastRow + 1,
    findings: checkForm(form, settings),
    pointsTotal: pointsTotal(form),
    rowLabels: Object.fromEntries(form.rows.map((r) => [r.row + 1, r.values.level3 || r.level2 || r.level1])),
    year: form.year.value,
  };
}

const NATIVE: ReadonlySet<string> = new Set(NATIVE_RULE_IDS);

/** A self-evaluation table's result, shaped like a target form's (issue 11). */
function selfEvaluationChecked(t: SelfEvalTable, settings: Settings): CheckedForm {
  const lastRow = Math.max(t.headerRow, t.total?.row ?? 0, ...t.rows.map((r) => r.row));
  return {
    anchor: a1(t.budget?.headerRow ?? t.headerRow, 0),
    headerRow: t.headerRow + 1,
    firstRow: t.headerRow + 2,
    lastRow: lastRow + 1,
    findings: checkSelfEvaluation(t, settings),
    pointsTotal: null,
    rowLabels: Object.fromEntries(t.rows.map((r) => [r.row + 1, r.level3 || r.level2 || r.level1])),
    year: null,
  };
}

/**
 * Cells to mark: those of findings no native conditional format shows. A form without the native rules
 * installed (another layout, or rules deleted) has every finding's cell marked, and so has a row below the
 * extent its native formats cover (typed under the block after the rules were installed). `nativeMayMiss`
 * names findings a native format covers only on some hosts.
 */
export function cellsToMark(
  forms: ReadonlyArray<{ form: Form; findings: readonly Finding[] }>,
  cfs: Excel.ConditionalFormatCollection | null,
  nativeMayMiss: (finding: Finding) => boolean = () => false,
): string[] {
  const cells = new Set<string>();
  for (const { form, findings } of forms) {
    const covered = nativeCoverage(form, cfs);
    for (const f of findings) {
      const row = f.row - 1;
      const native = covered !== null && NATIVE.has(f.rule) && covered.first <= row && row <= covered.last;
      if (!native || nativeMayMiss(f)) cells.add(f.cell);
    }
  }
  return [...cells].sort();
}

/**
 * A number shown as "95%" in 指标值 is caught natively only through CELL("format"), which Excel on the web does
 * not evaluate (CELL function docs): mark it as the engine sees it.
 */
function percentTargetOf(read: QueuedSheetRead): (finding: Finding) => boolean {
  return (f) => {
    if (f.rule !== "value-not-number") return false;
    const { row, col } = parseA1(f.cell);
    return isNumberCell(read, row, col);
  };
}

/**
 * The check inside a caller's batch: one read sync, the rules on each form (reusing `cache` for forms whose
 * cells did not change), and, when marking, one write sync that replaces the earlier marks. Throws
 * ExcelOperationError "no-form" when the sheet holds no form (after removing stale marks).
 */
export async function checkSheetCore(
  context: Excel.RequestContext,
  sheetOf: () => Excel.Worksheet,
  settings: Settings,
  options: { mark: boolean; cache?: ReadonlyMap<string, CachedForm>; onProgress?: (rows: number, total: number) => void },
): Promise<CoreOutcome> {
  const { read, cfs } = await syncFirstRead(context, (rows) => {
    const sheet = sheetOf();
    return { read: queueSheetRead(sheet, false, rows), cfs: options.mark ? queueMarkRead(sheet) : null };
  });
  const sheet = read.sheet;
  await readRestOfSheet(context, read, options.onProgress);

  const { grid, forms: allForms } = sheetForms(read);
  // 绩效自评 (issue 11): self-evaluation tables are checked by their own rules, not read as target tables.
  const selfTables = readSelfEvaluations(grid);
  const selfHeaders = new Set(selfTables.map((t) => t.headerRow));
  const forms = allForms.filter((f) => !selfHeaders.has(f.headerRow));
  const cache = new Map<string, CachedForm>();
  const rechecked: string[] = [];
  const settingsKey = JSON.stringify(settings); // a changed expected total re-runs every form's rules
  const checked = forms.map((form) => {
    const fingerprint = `${formFingerprint(grid, form)}|${settingsKey}`;
    const anchor = formAnchor(form);
    const before = options.cache?.get(anchor);
    if (before && before.fingerprint === fingerprint) {
      cache.set(anchor, before);
      return before.checked;
    }
    const result = checkedForm(form, settings);
    rechecked.push(anchor);
    cache.set(anchor, { fingerprint, checked: result });
    return result;
  });
  checked.push(...selfTables.map((t) => selfEvaluationChecked(t, settings)));
  const findings = checked.flatMap((f) => f.findings).sort(compareFindings);
  const targetMarks = cfs ? cellsToMark(forms.map((form, i) => ({ form, findings: checked[i]?.findings ?? [] })), cfs, percentTargetOf(read)) : [];
  // No conditional format shows a self-evaluation finding: mark every one.
  const selfMarks = cfs ? checked.slice(forms.length).flatMap((c) => c.findings.map((f) => f.cell)) : [];
  const marked = [...new Set([...targetMarks, ...selfMarks])].sort();

  let marksWritten = false;
  const notes: string[] = [];
  const say = excelMessages(settings.language ?? "zh");
  const canMark = cfs !== null && !read.sheet.protection.protected;
  if (cfs && !canMark && marked.length > 0) notes.push(say.marksSkippedProtected());
  if (cfs && canMark) {
    // Only the difference is written: each write is a step on the user's undo stack, or clears it below 1.19.
    if (queueMarkWrite(sheet, earlierMarks(cfs), marked) > 0) {
      try {
        await asOwnWrite(() => context.sync());
      } catch (e) {
        // A batch is not a transaction: write the difference again from a fresh read, clearing what was cut short.
        await Excel.run(async (again) => {
          const same = again.workbook.worksheets.getItem(read.sheet.id);
          const fresh = queueMarkRead(same);
          await again.sync();
          for (const cf of brokenFormats(fresh)) cf.delete();
          queueMarkWrite(same, earlierMarks(fresh), marked);
          await asOwnWrite(() => again.sync());
        }).catch(() => {
          throw e;
        });
      }
      marksWritten = true;
    }
  }
  if (forms.length === 0 && selfTables.length === 0) throw new ExcelOperationError("no-form", say.noForm());
  const report = { sheetName: read.sheet.name, forms: checked, findings, marked: canMark ? marked : [], notes };
  return { report, rechecked, cache, marksWritten, grid, forms };
}

/** 检查当前工作表：每张表的检查结果、单元格地址，并标出条件格式显示不了的问题单元格。 */
export function checkActiveSheet(options: CheckOptions = {}): Promise<Result<CheckReport>> {
  return runExcel(OPERATION_NAMES.check, "check", options, async (context, isSupported) => {
    const mark = (options.mark ?? true) && isSupported("1.6");
    const outcome = await checkSheetCore(context, () => context.workbook.worksheets.getActiveWorksheet(), settingsIn(options.settings ?? DEFAULT_SETTINGS, options), { mark, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return outcome.report;
  });
}


/**
 * 在表中标出：检查当前工作表，并在表中标出表格自带条件格式显示不了的问题单元格；只写入与上次不同的标记。
 */
export function markFindings(options: Omit<CheckOptions, "mark"> = {}): Promise<Result<CheckReport>> {
  return runExcel(OPERATION_NAMES.markFindings, "check", options, async (context) => {
    const outcome = await checkSheetCore(context, () => context.workbook.worksheets.getActiveWorksheet(), settingsIn(options.settings ?? DEFAULT_SETTINGS, options), { mark: true, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return outcome.report;
  });
}
