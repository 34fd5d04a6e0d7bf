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
  validationSpecs,
  type IndicatorRows,
} from "../domain/native";
import { readForms } from "../domain/reader";
import { columnLetter } from "../domain/grid";
import { OPERATION_NAMES } from "./messages";
import { ExcelOperationError, type Result } from "./errors";
import { formAnchor } from "./formInfo";
import { hasFormula } from "./formulaKey";
import { asOwnWrite } from "./ownWrites";
import { refuseIfProtectedIn, runExcel, type HostOptions } from "./run";
import { queueSheetRead, sheetGridOf } from "./sheetGrid";

/** What already exists, loaded in the caller's read sync (probeNativeRules), so nothing is added twice. */
export interface NativeRulesProbe {
  listsSheet: Excel.Worksheet;
  names: Array<{ name: string; item: Excel.NamedItem }>;
  /** The target sheet's conditional formats, when the probe was given the sheet. */
  conditionalFormats: Excel.ConditionalFormatCollection | null;
}

/** Queue (no sync) the reads queueNativeRules needs. Pass `sheet` when it may already carry rules. */
export function probeNativeRules(context: Excel.RequestContext, sheet?: Excel.Worksheet): NativeRulesProbe {
  const listsSheet = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  listsSheet.load("name");
  const names = definedNames().map((d) => {
    const item = context.workbook.names.getItemOrNullObject(d.name);
    item.load("name");
    return { name: d.name, item };
  });
  let conditionalFormats: Excel.ConditionalFormatCollection | null = null;
  if (sheet) {
    conditionalFormats = sheet.getRange().conditionalFormats;
    conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
  }
  return { listsSheet, names, conditionalFormats };
}

/** Custom conditional-format formulas on the probed sheet (after the sync), as Excel gives them: compare with hasFormula. */
export function customFormulas(cfs: Excel.ConditionalFormatCollection | null): Set<string> {
  const out = new Set<string>();
  for (const cf of cfs?.items ?? []) {
    if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
    out.add(cf.customOrNullObject.rule.formula);
  }
  return out;
}

/** What the probe found, as plain data (after the sync). */
export interface NativeRulesState {
  listsSheetExists: boolean;
  missingNames: ReadonlySet<string>;
  formulas: ReadonlySet<string>;
}

export function probeState(probe: NativeRulesProbe): NativeRulesState {
  return {
    listsSheetExists: !probe.listsSheet.isNullObject,
    missingNames: new Set(probe.names.filter((n) => n.item.isNullObject).map((n) => n.name)),
    formulas: customFormulas(probe.conditionalFormats),
  };
}

export interface QueuedNativeRules {
  listsSheetAdded: boolean;
  namesAdded: string[];
  validations: string[];
  conditionalFormats: string[];
}

/**
 * Queue (no sync) the native rules for the indicator block `block` (0-based rows, as drawForm's
 * indicatorRows) on `sheet`: the lists sheet when missing (very hidden, text format so "=" and ">=" stay
 * text), the defined names that are missing, the three dropdowns (prompt before rule: #2594) and the
 * conditional formats (errors red, warnings amber), each exactly as src/domain/native specifies.
 */
export function queueNativeRules(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: IndicatorRows,
  probe: NativeRulesProbe | NativeRulesState,
): QueuedNativeRules {
  const state = "listsSheet" in probe ? probeState(probe) : probe;
  const out: QueuedNativeRules = { listsSheetAdded: false, namesAdded: [], validations: [], conditionalFormats: [] };
  if (!state.listsSheetExists) {
    const lists = context.workbook.worksheets.add(LISTS_SHEET);
    const values = listsSheetValues();
    const width = values[0]?.length ?? 1;
    const area = lists.getRange(`A1:${columnLetter(width - 1)}${values.length}`);
    area.numberFormat = values.map((r) => r.map(() => "@"));
    area.values = values;
    lists.visibility = Excel.SheetVisibility.veryHidden;
    out.listsSheetAdded = true;
  }
  for (const d of definedNames()) {
    if (!state.missingNames.has(d.name)) continue;
    context.workbook.names.add(d.name, `=${d.reference}`, d.comment);
    out.namesAdded.push(d.name);
  }
  for (const spec of validationSpecs(block)) {
    const dv = sheet.getRange(spec.range).dataValidation;
    dv.clear();
    dv.prompt = { title: spec.prompt.title, message: spec.prompt.message, showPrompt: true };
    dv.errorAlert = { title: spec.error.title, message: spec.error.message, showAlert: true, style: spec.error.style };
    dv.ignoreBlanks = spec.ignoreBlanks;
    dv.rule = { list: { inCellDropDown: spec.inCellDropDown, source: spec.source } };
    out.validations.push(spec.range);
  }
  // A new conditional format is evaluated first: add in reverse so the specs' order is the priority order.
  for (const spec of [...conditionalFormatSpecs(block)].reverse()) {
    if (hasFormula(state.formulas, spec.formula)) continue;
    const cf = sheet.getRange(spec.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = spec.formula;
    cf.custom.format.fill.color = NATIVE_COLORS[spec.severity].fill;
    cf.custom.format.font.color = NATIVE_COLORS[spec.severity].font;
    out.conditionalFormats.unshift(spec.range);
  }
  return out;
}

/** The indicator block of a form laid out as the standard form (columns B..J, block under its header). */
export function templateBlock(form: Form): IndicatorRows | null {
  const fields = Object.keys(TEMPLATE.columns) as Array<keyof typeof TEMPLATE.columns>;
  const sameColumns = fields.every((f) => form.columns[f] === TEMPLATE.columns[f]);
  if (!sameColumns || form.headerRow < 0) return null;
  const first = form.headerRow + 1;
  return { first, last: Math.max(first, form.lastRow) };
}

/** True when the native conditional formats are installed for this form's block. */
export function nativeRulesInstalled(form: Form, formulas: ReadonlySet<string>): boolean {
  const block = templateBlock(form);
  if (!block) return false;
  // The level1-invalid formula depends only on the block's first row, which Excel keeps up to date.
  const probe = conditionalFormatSpecs({ first: block.first, last: block.first }).find((s) => s.rule === "level1-invalid");
  return probe !== undefined && hasFormula(formulas, probe.formula);
}

export interface NativeRulesInstalled extends QueuedNativeRules {
  sheetName: string;
  /** Anchors (A1) of the forms the rules were installed for. */
  forms: string[];
}

/** 安装下拉列表与条件格式：为当前工作表上按标准表样排列的目标表补装原生规则（一次读取、一次写入）。 */
export function installNativeRules(options: HostOptions = {}): Promise<Result<NativeRulesInstalled>> {
  return runExcel(OPERATION_NAMES.nativeRules, "nativeRules", options, async (context, isSupported, { language, messages: say }) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const read = queueSheetRead(sheet);
    const probe = probeNativeRules(context, isSupported("1.6") ? sheet : undefined);
    await context.sync();

    const forms = readForms(sheetGridOf(read));
    if (forms.length === 0) throw new ExcelOperationError("no-form", say.noForm());
    refuseIfProtectedIn(read, OPERATION_NAMES.nativeRules, language);
    const blocks = forms.map((f) => ({ form: f, block: templateBlock(f) }));
    const usable = blocks.filter((b): b is { form: Form; block: IndicatorRows } => b.block !== null);
    if (usable.length === 0) {
      throw new ExcelOperationError("layout-differs", say.layoutDiffers(formAnchor(forms[0] as Form)));
    }
    const total: QueuedNativeRules = { listsSheetAdded: false, namesAdded: [], validations: [], conditionalFormats: [] };
    let current = probeState(probe);
    for (const { block } of usable) {
      const q = queueNativeRules(context, sheet, block, current);
      total.listsSheetAdded ||= q.listsSheetAdded;
      total.namesAdded.push(...q.namesAdded);
      total.validations.push(...q.validations);
      total.conditionalFormats.push(...q.conditionalFormats);
      // The lists sheet and names now exist for the next form.
      current = { ...current, listsSheetExists: true, missingNames: new Set() };
    }
    await asOwnWrite(() => context.sync());
    return { ...total, sheetName: read.sheet.name, forms: usable.map((b) => formAnchor(b.form)) };
  });
}
