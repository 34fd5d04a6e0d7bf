// The Excel layer's user-facing texts (Simplified Chinese), keyed by id: what went wrong and what to do.

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
} as const;

export const zhExcel = {
  noForm: (): string =>
    "当前工作表中没有找到绩效目标表（没有“一级指标、二级指标、三级指标”等表头）。请先在“模板”中插入表样，或切换到填有目标表的工作表后再操作。",
  unsupported: (feature: string, version: string): string =>
    `此版本的 Excel 不支持${feature}（需要 ExcelApi ${version}）。请使用 Microsoft 365、Office 2021 及以上或网页版 Excel。`,
  badAddress: (address: string): string => `定位单元格失败：“${address}”不是有效的单元格地址。`,
  sheetMissing: (name: string): string => `找不到工作表“${name}”：它可能已被重命名或删除。请重新检查。`,
  noStandardColumn: (anchor: string): string =>
    `位于 ${anchor} 的目标表没有“评（扣）分标准”列：请先在表头补上这一列，再写入评分标准。`,
  noIndicatorSelected: (): string =>
    "所选单元格不在任何指标行上：请先选中目标表中要写评分标准的指标行（可多选），再点“写入”。",
  selectionOutsideForm: (): string => "所选单元格不在目标表内：请选中要设置评分标准的指标行。",
  sheetExists: (name: string): string => `工作簿中已有名为“${name}”的工作表：请先将它重命名或删除，再生成下一年度的表。`,
  protectedSheet: (operation: string, name: string): string =>
    `${operation}失败：工作表“${name}”受保护。请在“审阅 → 撤消工作表保护”后重试。`,
  marksSkippedProtected: (): string => "工作表受保护，问题单元格没有在表中标出；请看下方的问题列表。",
  sourceProtected: (name: string): string =>
    `工作表“${name}”受保护，复制出的下一年度表也会受保护而无法修改。请先在“审阅 → 撤消工作表保护”后再生成下一年度的表。`,
  formulaKept: (formula: string): string => `单元格含公式（${formula}），未改动：请在新表中自行核对。`,
  rowCount: (max: number): string => `添加指标行失败：行数应为 1 到 ${max} 之间的整数。`,
  whichForm: (): string => "工作表中有多张目标表：请先选中要加行的那张表中的一个单元格。",
  selectIndicatorRow: (anchor: string, first: number, last: number): string =>
    `请先选中位于 ${anchor} 的目标表中的一个指标行（第 ${first} 至 ${last} 行），新行将插在它下面。`,
  layoutDiffers: (anchor: string): string =>
    `位于 ${anchor} 的目标表的列位置与标准表样不同（标准表样：B 列一级指标 … J 列备注，表头下一行起为指标行）。下拉列表和条件格式只能装在标准表样上：请用“插入表样”新建一张表，再把内容复制过去。`,
};

/** Kept for callers that used the constant. */
export const NO_FORM_MESSAGE = zhExcel.noForm();
