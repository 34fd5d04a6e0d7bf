// 原生规则：the lists sheet (very hidden), defined names, dropdowns and conditional formats from
// src/domain/native, so the form keeps checking itself without the add-in. queueNativeRules only queues;
// the caller (insertForm, installNativeRules) owns the round trips.

import type { Form } from "../domain/form";
import { TEMPLATE } from "../domain/layout";
import {
  LISTS_SHEET,
  NATIVE_COLORS,
  conditionalFormatSpecs,
  definedNames,
  listsSheetValues,
  NAMES,
  PREFIXED_NAMES,
  validationSpecs,
  type DefinedName,
  type IndicatorRows,
  type NameSet,
} from "../domain/native";
import { readForms } from "../domain/reader";
import { columnLetter } from "../domain/grid";
import { excelMessages, OPERATION_NAMES, type Language } from "./messages";
import { ExcelOperationError, type Result } from "./errors";
import { formAnchor } from "./formInfo";
import { formulaKey } from "./formulaKey";
import { brokenFormats } from "./marks";
import { asOwnWrite } from "./ownWrites";
import { refuseIfProtectedIn, runExcel, type HostOptions } from "./run";
import { queueSheetRead, readRestOfSheet, sheetGridOf, syncFirstRead } from "./sheetGrid";

/** What already exists, loaded in the caller's read sync (probeNativeRules), so nothing is added twice. */
export interface NativeRulesProbe {
  listsSheet: Excel.Worksheet;
  names: Array<{ name: string; item: Excel.NamedItem }>;
  /** The target sheet's conditional formats, when the probe was given the sheet. */
  conditionalFormats: Excel.ConditionalFormatCollection | null;
}

// A block end no form reaches: its row number (1-based) marks where a spec's formula names the block's end.
const PROBE_LAST = 999990;

/** Patterns of the domain's conditional-format formulas for the block starting at `first` (0-based). */
function nativeCfPatterns(first: number): RegExp[] {
  const marker = String(PROBE_LAST + 1);
  const specs = [...conditionalFormatSpecs({ first, last: PROBE_LAST }, NAMES), ...conditionalFormatSpecs({ first, last: PROBE_LAST }, PREFIXED_NAMES)];
  return specs.map((spec) => {
    // Compared through formulaKey: Excel gives a formula back in its own spelling (formulaKey.ts).
    const escaped = formulaKey(spec.formula).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").split(marker).join("(\\d+)");
    return new RegExp(`^${escaped}$`);
  });
}

/**
 * The native conditional formats of the block that starts at `first` (0-based) among loaded `cfs`, and the
 * last row (0-based) they reach as far as a formula names it (rows added earlier may end the block below the
 * last used row); null when none names it.
 */
export function nativeFormatsOf(cfs: Excel.ConditionalFormatCollection | null, first: number): { items: Excel.ConditionalFormat[]; last: number | null } {
  const patterns = nativeCfPatterns(first);
  const items: Excel.ConditionalFormat[] = [];
  let last: number | null = null;
  for (const cf of cfs?.items ?? []) {
    if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
    const formula = formulaKey(cf.customOrNullObject.rule.formula);
    for (const pattern of patterns) {
      const m = pattern.exec(formula);
      if (!m) continue;
      items.push(cf);
      const named = m[1] === undefined ? null : Number(m[1]) - 1;
      if (named !== null && named >= first) last = Math.max(last ?? named, named);
      break;
    }
  }
  return { items, last };
}

/** Queue (no sync) the reads queueNativeRules needs. Pass `sheet` when it may already carry rules. */
export function probeNativeRules(context: Excel.RequestContext, sheet?: Excel.Worksheet): NativeRulesProbe {
  const listsSheet = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  listsSheet.load("name");
  // Both sets: which one the rules use depends on where the familiar names point (probeState).
  const wanted = new Set([...definedNames(NAMES), ...definedNames(PREFIXED_NAMES)].map((d) => d.name));
  const names = [...wanted].map((name) => {
    const item = context.workbook.names.getItemOrNullObject(name);
    item.load("name,formula");
    return { name, item };
  });
  let conditionalFormats: Excel.ConditionalFormatCollection | null = null;
  if (sheet) {
    conditionalFormats = sheet.getRange().conditionalFormats;
    // With the id each format is addressed by its key when deleted; the priority puts the user's own back.
    conditionalFormats.load("items/id,items/priority,items/type,items/customOrNullObject/rule/formula");
  }
  return { listsSheet, names, conditionalFormats };
}

/** What the probe found, as plain data (after the sync). */
export interface NativeRulesState {
  listsSheetExists: boolean;
  /** The names the rules use: the familiar ones, or the prefixed ones where a familiar one is taken. */
  names: NameSet;
  /** Names of that set to add (missing), and of ours to point right again (deleted, then added). */
  missingNames: ReadonlySet<string>;
  staleNames: ReadonlySet<string>;
  /** Familiar names that point elsewhere (the user's own, or #REF!): left alone. */
  takenNames: string[];
  /** The sheet's conditional formats as loaded (null: none to replace). */
  cfs: Excel.ConditionalFormatCollection | null;
}

/** A name's reference as Excel may give it back: no "=", sheet name unquoted where it can be, any case. */
function referenceKey(formula: string): string {
  return formula.trim().replace(/^=/, "").replace(/'([^'!]+)'!/g, "$1!").toUpperCase();
}

export function probeState(probe: NativeRulesProbe): NativeRulesState {
  const found = new Map(probe.names.filter((n) => !n.item.isNullObject).map((n) => [n.name, n.item.formula]));
  const pointsRight = (d: DefinedName) => referenceKey(found.get(d.name) ?? "") === referenceKey(d.reference);
  // A familiar name counts as ours only when it points where ours must; a jixiao_ helper is ours whatever it says.
  const takenNames = definedNames(NAMES)
    .filter((d) => !d.name.startsWith("jixiao_") && found.has(d.name) && !pointsRight(d))
    .map((d) => d.name);
  const names = takenNames.length > 0 ? PREFIXED_NAMES : NAMES;
  const set = definedNames(names);
  return {
    listsSheetExists: !probe.listsSheet.isNullObject,
    names,
    missingNames: new Set(set.filter((d) => !found.has(d.name)).map((d) => d.name)),
    staleNames: new Set(set.filter((d) => found.has(d.name) && !pointsRight(d)).map((d) => d.name)),
    takenNames,
    cfs: probe.conditionalFormats,
  };
}

export interface QueuedNativeRules {
  listsSheetAdded: boolean;
  namesAdded: string[];
  validations: string[];
  conditionalFormats: string[];
  /** Familiar names found pointing elsewhere: the rules use jx_ names instead (say so). */
  namesTaken: string[];
}

/**
 * Queue (no sync) the native rules for the indicator block `block` (0-based rows, as drawForm's
 * indicatorRows) on `sheet`: the lists sheet when missing (very hidden, text format so "=" and ">=" stay
 * text), the defined names that are missing, the three dropdowns over the whole block (prompt before rule:
 * #2594), and the conditional formats (errors red, warnings amber), each exactly as src/domain/native
 * specifies. The block's earlier native formats are replaced, so a repeated install extends them to the
 * block's current extent and never duplicates one; the user's own formats keep their places on top.
 * `rewriteLists` writes the lists sheet's contents even when it exists (repairing a failed install).
 */
export function queueNativeRules(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: IndicatorRows,
  probe: NativeRulesProbe | NativeRulesState,
  options: { rewriteLists?: boolean; repair?: boolean } = {},
): QueuedNativeRules {
  const state = "listsSheet" in probe ? probeState(probe) : probe;
  const out: QueuedNativeRules = { listsSheetAdded: false, namesAdded: [], validations: [], conditionalFormats: [], namesTaken: [...state.takenNames] };
  if (!state.listsSheetExists || options.rewriteLists) {
    const lists = state.listsSheetExists ? context.workbook.worksheets.getItem(LISTS_SHEET) : context.workbook.worksheets.add(LISTS_SHEET);
    const values = listsSheetValues();
    const width = values[0]?.length ?? 1;
    const area = lists.getRange(`A1:${columnLetter(width - 1)}${values.length}`);
    area.numberFormat = values.map((r) => r.map(() => "@"));
    area.values = values;
    lists.visibility = Excel.SheetVisibility.veryHidden;
    out.listsSheetAdded = !state.listsSheetExists;
  }
  for (const d of definedNames(state.names)) {
    if (state.staleNames.has(d.name)) context.workbook.names.getItem(d.name).delete(); // ours, pointing wrong
    else if (!state.missingNames.has(d.name)) continue;
    context.workbook.names.add(d.name, `=${d.reference}`, d.comment);
    out.namesAdded.push(d.name);
  }
  for (const spec of validationSpecs(block, state.names)) {
    const dv = sheet.getRange(spec.range).dataValidation;
    dv.clear();
    dv.prompt = { title: spec.prompt.title, message: spec.prompt.message, showPrompt: true };
    dv.errorAlert = { title: spec.error.title, message: spec.error.message, showAlert: true, style: spec.error.style };
    dv.ignoreBlanks = spec.ignoreBlanks;
    dv.rule = { list: { inCellDropDown: spec.inCellDropDown, source: spec.source } };
    out.validations.push(spec.range);
  }
  // Repairing a write cut short: its formats without a formula go, and every native format is written anew.
  const earlier = [...nativeFormatsOf(state.cfs, block.first).items, ...(options.repair && state.cfs ? brokenFormats(state.cfs) : [])];
  const specs = conditionalFormatSpecs(block, state.names);
  if (!options.repair && sameFormats(earlier, specs)) return out; // installed over this extent already: nothing to write
  // A new conditional format is evaluated first: add in reverse so the specs' order is the priority order.
  for (const spec of [...specs].reverse()) {
    const cf = sheet.getRange(spec.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    // The formula last: a write cut short leaves a format without one (deleted by the repair), never a rule
    // that highlights unpainted.
    cf.custom.format.fill.color = NATIVE_COLORS[spec.severity].fill;
    cf.custom.format.font.color = NATIVE_COLORS[spec.severity].font;
    cf.custom.rule.formula = spec.formula;
    out.conditionalFormats.unshift(spec.range);
  }
  // The earlier ones go after the new ones are in: a failure in between leaves the block highlighted (twice
  // at worst), never without its formats.
  for (const cf of earlier) cf.delete();
  if (earlier.length > 0 && state.cfs) {
    // The user's own formats that came before the block's native ones get their places back on top.
    const replaced = new Set(earlier);
    const byPriority = [...state.cfs.items].sort((a, b) => a.priority - b.priority);
    const firstNative = byPriority.findIndex((cf) => replaced.has(cf));
    byPriority.slice(0, Math.max(0, firstNative)).forEach((cf, i) => (cf.priority = i));
  }
  return out;
}

/**
 * Whether the block's native formats are exactly the specs, once each. The formulas name the block's end
 * (level3-duplicate counts over the whole block), so equal formulas mean the same extent.
 */
function sameFormats(earlier: readonly Excel.ConditionalFormat[], specs: ReadonlyArray<{ formula: string }>): boolean {
  if (earlier.length !== specs.length) return false;
  const have = earlier.map((cf) => formulaKey(cf.customOrNullObject.rule.formula)).sort();
  const want = specs.map((s) => formulaKey(s.formula)).sort();
  return have.every((f, i) => f === want[i]);
}

/** The indicator block of a form laid out as the standard form (columns B..J, block under its header). */
export function templateBlock(form: Form): IndicatorRows | null {
  const fields = Object.keys(TEMPLATE.columns) as Array<keyof typeof TEMPLATE.columns>;
  const sameColumns = fields.every((f) => form.columns[f] === TEMPLATE.columns[f]);
  if (!sameColumns || form.headerRow < 0) return null;
  const first = form.headerRow + 1;
  return { first, last: Math.max(first, form.lastRow) };
}

/**
 * The sheet rows (0-based, inclusive) the form's native formats cover, or null when it has none: from the block's
 * first row to the end its formats name (rows typed below it are not covered until the rules are installed again).
 */
export function nativeCoverage(form: Form, cfs: Excel.ConditionalFormatCollection | null): { first: number; last: number } | null {
  const block = templateBlock(form);
  if (!block) return null;
  const native = nativeFormatsOf(cfs, block.first);
  if (native.items.length === 0) return null;
  return { first: block.first, last: native.last ?? block.last };
}

export interface NativeRulesInstalled extends QueuedNativeRules {
  sheetName: string;
  /** Plain sentences for the user (the names used instead of taken ones). */
  notes: string[];
  /** Anchors (A1) of the forms the rules were installed for. */
  forms: string[];
}

/** Queue the install for every standard-layout form on the sheet (after the read sync). */
function queueInstall(context: Excel.RequestContext, sheet: Excel.Worksheet, usable: ReadonlyArray<{ form: Form; block: IndicatorRows }>, probe: NativeRulesProbe, repair: boolean): QueuedNativeRules {
  let rewriteLists = repair;
  const total: QueuedNativeRules = { listsSheetAdded: false, namesAdded: [], validations: [], conditionalFormats: [], namesTaken: [] };
  let current = probeState(probe);
  for (const { block } of usable) {
    // Rows typed below the block, or left empty by an earlier row addition, are covered too.
    const reach = nativeFormatsOf(current.cfs, block.first).last ?? block.last;
    const q = queueNativeRules(context, sheet, { first: block.first, last: Math.max(block.last, reach) }, current, { rewriteLists, repair });
    total.listsSheetAdded ||= q.listsSheetAdded;
    total.namesAdded.push(...q.namesAdded);
    total.validations.push(...q.validations);
    total.conditionalFormats.push(...q.conditionalFormats);
    total.namesTaken = q.namesTaken;
    // The lists sheet and names now exist for the next form.
    current = { ...current, listsSheetExists: true, missingNames: new Set(), staleNames: new Set() };
    rewriteLists = false;
  }
  return total;
}

/** The active sheet, its standard-layout forms and what exists of the rules (one read sync). */
async function readForInstall(context: Excel.RequestContext, isSupported: (v: string) => boolean, language: Language) {
  const say = excelMessages(language);
  const { read, probe } = await syncFirstRead(context, (rows) => {
    const active = context.workbook.worksheets.getActiveWorksheet();
    return { read: queueSheetRead(active, false, rows), probe: probeNativeRules(context, isSupported("1.6") ? active : undefined) };
  });
  const sheet = read.sheet;
  await readRestOfSheet(context, read);
  const forms = readForms(sheetGridOf(read));
  if (forms.length === 0) throw new ExcelOperationError("no-form", say.noForm());
  refuseIfProtectedIn(read, OPERATION_NAMES.nativeRules, language);
  const blocks = forms.map((f) => ({ form: f, block: templateBlock(f) }));
  const usable = blocks.filter((b): b is { form: Form; block: IndicatorRows } => b.block !== null);
  if (usable.length === 0) {
    throw new ExcelOperationError("layout-differs", say.layoutDiffers(formAnchor(forms[0] as Form)));
  }
  return { sheet, read, probe, usable };
}

/**
 * 安装下拉列表与条件格式：为当前工作表上按标准表样排列的目标表补装原生规则（一次读取、一次写入），覆盖到表格当前的
 * 最后一行，重复安装不会重复添加。A batch is not a transaction: when the write fails part-way, the same install
 * runs once more from a fresh read (every step of it can be repeated), so the rules end complete.
 */
export function installNativeRules(options: HostOptions = {}): Promise<Result<NativeRulesInstalled>> {
  return runExcel(OPERATION_NAMES.nativeRules, "nativeRules", options, async (context, isSupported, { language }) => {
    const { sheet, read, probe, usable } = await readForInstall(context, isSupported, language);
    const total = queueInstall(context, sheet, usable, probe, false);
    try {
      await asOwnWrite(() => context.sync());
    } catch (e) {
      // Complete it in a new batch; if that fails too, its error is the one reported.
      await Excel.run(async (again) => {
        const fresh = await readForInstall(again, isSupported, language);
        queueInstall(again, fresh.sheet, fresh.usable, fresh.probe, true);
        await asOwnWrite(() => again.sync());
      }).catch(() => {
        throw e;
      });
    }
    const notes = total.namesTaken.length > 0 ? [excelMessages(language).namesTaken(total.namesTaken)] : [];
    return { ...total, sheetName: read.sheet.name, forms: usable.map((b) => formAnchor(b.form)), notes };
  });
}
