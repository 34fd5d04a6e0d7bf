// The Excel layer's user-facing texts, keyed by id: what went wrong and what to do. Simplified Chinese here
// (zhExcel); English in messages-en.ts, for Excel running in English. Both implement ExcelMessages.

import type { Language } from "../domain/settings";
import type { Operation } from "./host";
import { enExcel } from "./messages-en";

export type { Language };

/** Operation names, as they lead every error message ("检查失败：…"). */
export const OPERATION_NAMES = {
  check: "检查",
  liveCheck: "边填边查",
  select: "定位单元格",
  writeStandards: "写入评分标准",
  fillStandards: "补齐评分标准",
  readSelection: "读取选中的指标行",
  previewNextYear: "预览下一年度",
  makeNextYear: "生成下一年度",
  addRows: "添加指标行",
  merge: "合并一级指标",
  unmerge: "取消合并一级指标",
  nativeRules: "安装下拉列表与条件格式",
  insertForm: "插入表样",
  markFindings: "在表中标出",
  clearMarks: "清除标记",
} as const;

export type OperationName = keyof typeof OPERATION_NAMES;

/** Every text the Excel layer shows, in one language. */
export interface ExcelMessages {
  readonly operations: Readonly<Record<OperationName, string>>;
  /** What each requirement set gives the user (host.ts). */
  readonly features: Readonly<Record<Operation, string>>;
  /** One sentence for a feature this Excel cannot do (the pane's capability list, hostCapabilities). */
  featureUnavailable(feature: string, version: string): string;
  /** "需要 ExcelApi 1.8": what a missing feature needs. */
  needsApi(version: string): string;
  noForm(): string;
  unsupported(feature: string, version: string): string;
  badAddress(address: string): string;
  sheetMissing(name: string): string;
  noStandardColumn(anchor: string): string;
  noIndicatorSelected(): string;
  selectionOutsideForm(): string;
  selectionOutsideSelfEval(): string;
  sheetExists(name: string): string;
  protectedSheet(operation: string, name: string): string;
  marksSkippedProtected(): string;
  /** 清除标记: how many marks were removed from which sheet. */
  marksCleared(count: number, sheet: string): string;
  /** Familiar defined names point elsewhere: the rules use jx_ names instead. */
  namesTaken(names: readonly string[]): string;
  /** 添加指标行: whole rows would split the table at `cell` beside the form. */
  tableBeside(cell: string): string;
  /** Review › Protect Workbook is on: no sheet can be added or copied. */
  structureProtected(operation: string): string;
  sourceProtected(name: string): string;
  formulaKept(formula: string): string;
  rowCount(max: number): string;
  whichForm(): string;
  selectIndicatorRow(anchor: string, first: number, last: number): string;
  layoutDiffers(anchor: string): string;
  /** The form states no year to carry forward from. */
  // 插入表样 notes
  insertedHere(sheet: string, year: number): string;
  insertedNewSheet(active: string, sheet: string, activeProtected: boolean): string;
  noPrintSetup(): string;
  noDataValidation(): string;
  // The workbook's own settings (Office.context.document.settings)
  documentSettingsUnavailable(): string;
  settingsSaveFailed(reason: string | null): string;
  /** What Excel threw, per kind; `operation` is the operation's name in this language. */
  readonly host: {
    network(operation: string): string;
    protected(operation: string): string;
    editMode(operation: string): string;
    throttled(operation: string): string;
    conflict(operation: string): string;
    invalidArgument(operation: string): string;
    itemNotFound(operation: string): string;
    invalidReference(operation: string): string;
    /** Several separate areas selected (Workbook.getSelectedRange takes one). */
    invalidSelection(operation: string): string;
    /** A sheet or name of that name appeared meanwhile. */
    itemExists(operation: string): string;
    general(operation: string): string;
    payloadTooLarge(operation: string): string;
    apiMissing(operation: string): string;
    other(operation: string, code: string | null): string;
  };
}

const failed = (operation: string): string => `${operation}失败：`;

export const zhExcel: ExcelMessages = {
  operations: OPERATION_NAMES,
  features: {
    insertForm: "写入表样（getUsedRangeOrNullObject）",
    nativeRules: "下拉列表与数据验证（Range.dataValidation）",
    printSetup: "打印设置（Worksheet.pageLayout）",
    printMerges: "合并单元格",
    addRows: "插入指标行并延续下拉列表",
    check: "读取工作表并检查",
    liveCheck: "边填边查（onChanged 事件）",
    ownWrites: "区分本加载项自己的写入（triggerSource）",
    scoring: "写入评（扣）分标准",
    nextFiscalYear: "复制工作表生成下一年度（Worksheet.copy）",
  },
  featureUnavailable: (feature, version) => `此版本的 Excel 不支持${feature}（需要 ExcelApi ${version}），相关功能不可用。`,
  needsApi: (version) => `需要 ExcelApi ${version}`,
  noForm: () =>
    "当前工作表中没有找到绩效目标表（没有“一级指标、二级指标、三级指标”等表头）。请先在“模板”中插入表样，或切换到填有目标表的工作表后再操作。",
  unsupported: (feature, version) =>
    `此版本的 Excel 不支持${feature}（需要 ExcelApi ${version}）。请使用 Microsoft 365、Office 2021 及以上或网页版 Excel。`,
  badAddress: (address) => `定位单元格失败：“${address}”不是有效的单元格地址。`,
  sheetMissing: (name) => `找不到工作表“${name}”：它可能已被重命名或删除。请重新检查。`,
  noStandardColumn: (anchor) =>
    `位于 ${anchor} 的目标表没有“评（扣）分标准”列：请先在表头补上这一列，再写入评分标准。`,
  noIndicatorSelected: () =>
    "所选单元格不在任何指标行上：请先选中目标表中要写评分标准的指标行（可多选），再点“写入”。",
  selectionOutsideForm: () => "所选单元格不在目标表内：请选中要设置评分标准的指标行。",
  selectionOutsideSelfEval: () => "所选单元格不在自评表的指标行上：请选中要查看得分的指标行。",
  sheetExists: (name) => `工作簿中已有名为“${name}”的工作表：请先将它重命名或删除，再生成下一年度的表。`,
  protectedSheet: (operation, name) => `${failed(operation)}工作表“${name}”受保护。请在“审阅 → 撤消工作表保护”后重试。`,
  marksSkippedProtected: () => "工作表受保护，问题单元格没有在表中标出；请看下方的问题列表。",
  structureProtected: (operation) => `${failed(operation)}工作簿的结构受保护，不能添加或复制工作表。请在“审阅 → 保护工作簿”中取消保护后重试。`,
  tableBeside: (cell) =>
    `表格旁边还有其他内容（${cell} 等处），插入整行会把它拆开。请先把旁边的表移到别处（或在本表下方留出空行），再添加指标行。`,
  namesTaken: (names) =>
    `工作簿中已有名称${names.map((n) => `“${n}”`).join("")}，指向别处（可能是您自己做的下拉列表），未改动它们；本表的下拉列表和条件格式改用以 jx_ 开头的名称。`,
  marksCleared: (count, sheet) =>
    count === 0 ? `工作表“${sheet}”上没有检查标记。` : `已清除工作表“${sheet}”上的 ${count} 处检查标记；表格自带的下拉列表和条件格式未动。`,
  sourceProtected: (name) =>
    `工作表“${name}”受保护，复制出的下一年度表也会受保护而无法修改。请先在“审阅 → 撤消工作表保护”后再生成下一年度的表。`,
  formulaKept: (formula) => `单元格含公式（${formula}），未改动：请在新表中自行核对。`,
  rowCount: (max) => `添加指标行失败：行数应为 1 到 ${max} 之间的整数。`,
  whichForm: () => "工作表中有多张目标表：请先选中要加行的那张表中的一个单元格。",
  selectIndicatorRow: (anchor, first, last) =>
    `请先选中位于 ${anchor} 的目标表中的一个指标行（第 ${first} 至 ${last} 行），新行将插在它下面。`,
  layoutDiffers: (anchor) =>
    `位于 ${anchor} 的目标表的列位置与标准表样不同（标准表样：B 列一级指标 … J 列备注，表头下一行起为指标行）。下拉列表和条件格式只能装在标准表样上：请用“插入表样”新建一张表，再把内容复制过去。`,
  insertedHere: (sheet, year) => `已在当前工作表“${sheet}”中插入 ${year} 年度的表样。`,
  insertedNewSheet: (active, sheet, activeProtected) =>
    activeProtected
      ? `当前工作表“${active}”受保护，表样已插入新工作表“${sheet}”。`
      : `当前工作表“${active}”已有内容，为不覆盖它，表样已插入新工作表“${sheet}”。`,
  noPrintSetup: () =>
    "此版本的 Excel 不支持打印设置（需要 ExcelApi 1.9）：请在“页面布局”中自行设为 A4 横向、标题行重复、宽度调整为一页。",
  noDataValidation: () =>
    "此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8）：表样中没有下拉列表和自动标色，请用“检查”发现问题。",
  documentSettingsUnavailable: () => "无法访问工作簿的设置：请在 Excel 中打开任务窗格。",
  settingsSaveFailed: (reason) => `保存设置失败：${reason ?? "未知原因"}。请确认工作簿未处于只读状态后重试。`,
  host: {
    network: (op) =>
      `${failed(op)}与网页版 Excel 的连接中断了，这次操作没有完成。请检查网络连接，待 Excel 重新连上（页面顶部不再提示离线）后重试。`,
    protected: (op) => `${failed(op)}工作表或工作簿受保护。请在“审阅 → 撤消工作表保护”后重试。`,
    editMode: (op) => `${failed(op)}有单元格正处于编辑状态，Excel 暂不接受加载项的操作。请按 Enter 或 Esc 结束单元格编辑后重试。`,
    throttled: (op) =>
      `${failed(op)}Excel 暂时忙不过来，这次请求被拒绝或中断了（短时间内请求过多）。请稍候再试，不要连续快速点击。`,
    conflict: (op) =>
      `${failed(op)}有其他人正在同时编辑同一部分内容（共同编辑冲突），这次更改未能保存。请稍等片刻，待对方的更改同步到表格后重试。`,
    invalidArgument: (op) =>
      `${failed(op)}Excel 不接受这次要写入的内容或区域（参数无效），可能是表格的结构与标准表样不同。请检查是否有合并的单元格、插入或删除的列，恢复后重试。`,
    itemNotFound: (op) =>
      `${failed(op)}要操作的工作表或名称已不存在，可能刚被删除或重命名。请确认该工作表还在，切换到它后重试。`,
    invalidReference: (op) =>
      `${failed(op)}要操作的单元格区域已失效，可能在操作过程中有行、列或工作表被删除或改动。请重新选择单元格后重试。`,
    general: (op) => `${failed(op)}Excel 内部出错，这次操作没有完成。请保存工作簿后重试；若仍失败，请关闭并重新打开工作簿再试。`,
    payloadTooLarge: (op) =>
      `${failed(op)}一次要传送的数据超过了网页版 Excel 的 5 MB 上限。请删去表格下方无关的大量内容，或在桌面版 Excel 中操作。`,
    apiMissing: (op) => `${failed(op)}此版本的 Excel 不支持所需的功能。请升级到 Microsoft 365 或使用网页版 Excel。`,
    invalidSelection: (op) =>
      `${failed(op)}选中了多块不相连的区域。请只选中一块连续的单元格区域（不要按住 Ctrl 多选），再重试。`,
    itemExists: (op) =>
      `${failed(op)}要新建的工作表或名称已经存在（可能刚被他人或其他操作创建）。请重新打开任务窗格查看后再试。`,
    other: (op, code) => `${failed(op)}Excel 报告错误（${code ?? "未知"}）。请重试；若仍失败，请保存工作簿后重新打开。`,
  },
};

export { enExcel };

/** The Excel layer's texts in `language`. */
export function excelMessages(language: Language): ExcelMessages {
  return language === "en" ? enExcel : zhExcel;
}

const NAME_BY_ZH: ReadonlyMap<string, OperationName> = new Map(
  (Object.keys(OPERATION_NAMES) as OperationName[]).map((k) => [OPERATION_NAMES[k], k]),
);

/**
 * An operation's name in `language`. Accepts a key of OPERATION_NAMES or its Chinese name (what callers have
 * always passed); any other text is used as it is.
 */
export function operationName(operation: string, language: Language): string {
  const key = Object.prototype.hasOwnProperty.call(OPERATION_NAMES, operation) ? (operation as OperationName) : NAME_BY_ZH.get(operation);
  return key === undefined ? operation : excelMessages(language).operations[key];
}

/** Kept for callers that used the constant. */
export const NO_FORM_MESSAGE = zhExcel.noForm();
