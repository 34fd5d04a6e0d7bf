// 命令行的全部中文提示：帮助、参数错误、无法读取的文件、检查结果的版式。
// check 运行中随 --lang 变化的文字汇总在 CheckMessages 里（英文见 messages-en.ts）；帮助和参数错误只有中文。

import type { Severity } from "../domain/findings";
import type { Language } from "../domain/settings";
import { CHECK_EN } from "./messages-en";

export const HELP = `绩效目标表助手（jixiao）：检查与生成“部门（单位）整体支出绩效目标表”

用法：
  jixiao check 文件|文件夹|通配符... [--format text|json] [--total 分数] [--lang zh|en]
  jixiao template [--year 年度] [--dept 单位名称] -o 输出.xlsx [--force]
  jixiao selfeval 目标表.xlsx|.csv -o 输出.xlsx [--force]
  jixiao help [check|template|selfeval]

命令：
  check      检查 .xlsx 和 .csv 文件里的每一张绩效目标表（每个工作表都会查找）
  template   生成标准表样（含下拉选项、条件格式提示和打印设置）
  selfeval   由本年度的目标表生成绩效自评表（得分、执行率、总分和等级由表格公式计算）

示例：
  npx jixiao check 报送材料/                 检查文件夹（含子文件夹）里的全部 .xlsx 和 .csv
  npx jixiao check "报送材料/**/*.xlsx" --format json
  npx jixiao template --year 2027 --dept 县工伤保险服务中心 -o 2027年绩效目标表.xlsx

退出码：0 没有错误（可能有警告）；1 发现错误；2 参数有误或有文件无法读取。
`;

export const HELP_CHECK = `用法：jixiao check 文件|文件夹|通配符... [--format text|json] [--total 分数] [--lang zh|en]

  文件        .xlsx 或 .csv（CSV 可为 UTF-8 或 GBK/GB18030 编码，自动识别）
  文件夹      检查其中（含子文件夹）全部 .xlsx、.xlsm 和 .csv；以 ~$ 开头的 Excel 临时文件会跳过；
              .xls、.et、.ods、.xlsb 等不能直接检查的表格、打不开的子文件夹和断开的链接逐个指出（退出码 2）
  通配符      * 匹配文件名中任意字符，** 匹配任意层子文件夹，? 匹配一个字符；请加引号，如 "报送/**/*.xlsx"
  --format    text（默认，按文件分组、错误在前）或 json（一个数组，每条含 file、sheet、cell、row、rule、severity、message）
  --total     指标分值应合计的总分，默认 90（其余 10 分通常留给预算执行率）
  --lang      检查结果说明（message）、文本报告的标题与合计、无法读取的原因的语言：zh 中文（默认）或 en 英文；规则编号和单元格不变

说明：
  CSV 文件没有工作表，JSON 中的 sheet 为文件名去掉扩展名（与 Excel 打开 CSV 时显示的工作表名一致）；
  “未找到绩效目标表”针对整个工作簿，此时 .xlsx 的 sheet 为空字符串。
  合并单元格按 Excel 显示的样子读取：整个合并区域都取左上角的值。
  只有程序才能显示的“深度隐藏”工作表（如本工具生成的下拉选项表）不检查。
  过大或结构异常的文件（如解开后超过 160 MB、有内容的单元格超过 150 万个）会跳过并说明原因，其余文件照常检查。
  JSON 中无法读取的文件是 rule 为 file-unreadable 的一条；公式出错或没有保存计算结果的单元格是 formula-error。

退出码：0 没有错误（可能有警告）；1 发现错误；2 参数有误或有文件无法读取（其余文件照常检查）。
`;

export const HELP_TEMPLATE = `用法：jixiao template [--year 年度] [--dept 单位名称] -o 输出.xlsx [--force]

  --year      表格年度，如 2027；默认：9 月起为下一年，之前为当年
  --dept      部门（单位）名称，预先填入表头
  -o, --output  输出文件，扩展名须为 .xlsx
  --force     输出文件已存在时覆盖它（默认不覆盖）

生成的表格可在 Excel、WPS 和 LibreOffice 中打开：一级指标、二级指标（随一级指标变化）和指标值类型有下拉选项，
常见填写错误会以底色标出；A4 横向打印，宽度缩放到一页，每页重复表头。
`;

/** Every message about the command line's arguments. */
export const ARG_ERRORS = {
  noCommand: "缺少命令。请使用 jixiao check 检查表格，或 jixiao template 生成表样；jixiao help 查看说明。",
  unknownCommand: (name: string) => `未知命令“${name}”。可用命令：check、template、selfeval、help。运行 jixiao help 查看说明。`,
  unknownOption: (option: string, command: string) =>
    `命令 ${command} 不认识选项“${option}”。运行 jixiao help ${command} 查看可用选项。`,
  missingValue: (option: string) =>
    `选项 ${option} 后面缺少取值，例如 ${option === "--format" ? "--format json" : `${option} …`}。`,
  unexpectedArgument: (arg: string, command: string) =>
    `命令 ${command} 不需要参数“${arg}”。运行 jixiao help ${command} 查看用法。`,
  noInputs: "请指定要检查的文件、文件夹或通配符，例如：jixiao check 报送材料/",
  format: (value: string) => `--format 只能是 text 或 json，收到的是“${value}”。`,
  total: (value: string) => `--total 应为 1 到 1000 之间的数字（默认 90），收到的是“${value}”。`,
  lang: (value: string) => `--lang 只能是 zh（中文，默认）或 en（英文），收到的是“${value}”。`,
  year: (value: string) => `--year 应为四位年度（2000 到 2100），例如 --year 2027，收到的是“${value}”。`,
  dept: "--dept 单位名称不能为空，且不超过 100 个字。",
  noOutput: "请用 -o 指定输出文件，例如：jixiao template -o 绩效目标表.xlsx",
  outputExtension: (value: string) => `输出文件“${value}”的扩展名应为 .xlsx，例如 -o 绩效目标表.xlsx。`,
  helpTopic: (topic: string) => `没有“${topic}”的说明。可查看：jixiao help check、jixiao help template。`,
};

export const INPUT_PROBLEMS = {
  "not-found": (input: string) => `找不到“${input}”：没有这个文件或文件夹。请检查路径拼写（含空格的路径请加引号）。`,
  "no-match": (input: string) => `没有与“${input}”匹配的 .xlsx 或 .csv 文件。请检查通配符和所在文件夹。`,
  "empty-folder": (input: string) => `文件夹“${input}”（含子文件夹）里没有 .xlsx 或 .csv 文件。`,
  "unreadable-folder": (input: string) =>
    `无法打开文件夹“${input}”（没有读取权限或已损坏），其中的文件未检查。请检查该文件夹的权限后再检查。`,
  "broken-link": (input: string) => `“${input}”是指向不存在位置的快捷方式（符号链接），未检查。请找到原文件后再检查。`,
  "link-loop": (input: string) => `“${input}”是指回上级文件夹的符号链接，为免重复检查已跳过。`,
};

/** Why a file could not be read, and what the user can do about it. */
export const UNREADABLE = {
  empty: "文件是空的（0 字节）。请确认文件已完整保存，或让报送单位重新发送。",
  encrypted:
    "文件设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中输入密码打开，取消“用密码进行加密”后保存，再检查。",
  xls: "这是旧版 Excel 97-2003 格式（.xls 或 .et）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再检查。",
  docx: "这是 Word 文档，不是 Excel 工作簿。请把表格复制到 Excel 中，另存为 .xlsx 后再检查。",
  pptx: "这是 PowerPoint 演示文稿，不是 Excel 工作簿。请向报送单位索取 .xlsx 版本。",
  pdf: "这是 PDF 文件，不是工作簿，无法检查其中的表格。请向报送单位索取 Excel（.xlsx）版本。",
  html: "这是网页（HTML）格式的表格，只是扩展名像 Excel。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再检查。",
  zip: "文件已损坏，或不是 Excel 工作簿（无法按 .xlsx 格式解开）。请在 Excel 或 WPS 中打开（必要时使用“打开并修复”），另存为 .xlsx 后再检查，或让报送单位重新发送。",
  corrupt: (detail: string) =>
    `文件已损坏，无法按 .xlsx 格式读取（${detail}）。请在 Excel 或 WPS 中打开（必要时使用“打开并修复”），另存为 .xlsx 后再检查，或让报送单位重新发送。`,
  ods: "这是 OpenDocument 表格（.ods），不能直接检查。请在 Excel 或 WPS 中另存为 .xlsx 后再检查。",
  xlsb: "这是 Excel 二进制工作簿（.xlsb），不能直接检查。请在 Excel 或 WPS 中另存为 .xlsx 后再检查。",
  notRegular: "这不是普通文件（而是管道、设备或套接字），已跳过。请指定 .xlsx 或 .csv 文件。",
  /** Beyond the reader's bounds (the phrase 文件过大或结构异常，已跳过 is what reviewers search logs for). */
  tooLargeOrOdd: (detail: string) =>
    `文件过大或结构异常，已跳过（${detail}）。一张绩效目标表通常只有几百行；请确认文件是否正确，或在 Excel 中删去无关的行、列和工作表，另存为 .xlsx 后再检查。`,
  binary: "这不是 Excel 工作簿，也不是 CSV 文本文件。只能检查 .xlsx 和 .csv 文件。",
  unsupported: (ext: string) =>
    `不支持“${ext || "无扩展名"}”文件。只能检查 .xlsx 和 .csv 文件：请在 Excel 或 WPS 中另存为 .xlsx（文本表格也可存为 .csv）后再检查。`,
  tooLarge: (mb: number, limitMb: number) =>
    `文件有 ${mb} MB，超过 ${limitMb} MB 的上限，不像一张绩效目标表。请确认文件是否正确，或删去无关的工作表后再检查。`,
  io: (detail: string) => `无法打开文件（${detail}）。请检查文件是否存在、是否有读取权限，或是否正被其他程序占用。`,
};

/** Details for UNREADABLE.corrupt and tooLargeOrOdd: what the reader found, in words (never a library's text). */
export const STRUCTURE_DETAILS = {
  "no-directory": "zip 目录缺失，文件可能没有传完整",
  "no-workbook": "缺少工作簿部件 xl/workbook.xml",
  "missing-part": "缺少工作表或共享字符串部件",
  "bad-entry": "有部件无法解压或大小与声明不符",
  unparsable: "工作表内容不是有效的 XML",
  part: "有部件解开后超过 64 MB",
  total: "解开后总共超过 160 MB",
  cells: "单元格数量远超绩效目标表（超过 150 万个有内容的单元格）",
  dimension: "工作表声明的范围超出 Excel 的 1048576 行、16384 列",
  grid: "内容分散在极大的区域里",
  memory: "读取时所需内存超过上限",
  timeout: "读取超过时限",
};

/** A formula cell the check cannot trust; reported instead of what its value would have made the rules say. */
export const FORMULA_MESSAGES = {
  error: (cell: string, error: string) =>
    `单元格 ${cell} 的公式出错（显示 ${error}），不是计算结果。请在 Excel 或 WPS 中修正公式（如除数为 0、引用了已删除的单元格），或直接填写数值。`,
  noResult: (cell: string) =>
    `单元格 ${cell} 是公式，但文件里没有保存计算结果（常见于程序生成的文件）。请在 Excel 或 WPS 中打开、重新计算（F9）并保存后再检查，或直接填写数值。`,
};

/** A bug, not the user's input: say so, and keep checking the other files. */
export const INTERNAL_ERROR = (e: unknown) =>
  `检查时发生内部错误（${e instanceof Error ? e.message : String(e)}）。这是本工具的问题，请把这个文件和提示报告给开发者。`;

export const unreadableLine = (file: string, why: string) => `无法读取“${file}”：${why}`;

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告" };

export const REPORT = {
  fileHeading: (file: string) => `文件：${file}`,
  sheetHeading: (sheet: string, errors: number, warnings: number) =>
    `  ${sheet === "" ? "整个工作簿" : `工作表「${sheet}」`}：${counts(errors, warnings)}`,
  noProblems: "  未发现问题",
  unreadable: (why: string) => `  无法读取：${why}`,
  summary: (s: {
    files: number;
    withErrors: number;
    errors: number;
    warnings: number;
    unreadable: number;
    skipped?: number;
  }) => {
    const skipped = s.skipped ?? 0;
    // "未发现问题" only when every file was read: a skipped file may hold the problems.
    if (s.unreadable === 0 && skipped === 0)
      return `共检查 ${s.files} 个文件：${s.withErrors} 个文件有错误；${counts(s.errors, s.warnings)}。`;
    return (
      `共检查 ${s.files} 个文件：${s.withErrors} 个文件有错误；${s.errors} 个错误，${s.warnings} 个警告` +
      (s.unreadable > 0 ? `；${s.unreadable} 个文件无法读取` : "") +
      (skipped > 0 ? `；${skipped} 处文件夹或路径未能检查` : "") +
      "（原因见上）。"
    );
  },
  /** After a finding whose quoted text held invisible characters, removed from the report. */
  invisibleNote: (names: string) =>
    `      注意：引号中的文字含有不可见字符（${names}），此处已去除。表格里的这些字符会让看起来相同的文字被当作不同，请在单元格中删去它们。`,
  /** Files in the folders that are not tables (documents, pictures…): named, not checked. */
  others: (count: number, sample: string) => `另有 ${count} 个非表格文件未检查（如“${sample}”）。`,
  progress: (done: number, total: number) => `已检查 ${done}/${total} 个文件`,
  /** One finding under its sheet heading: severity, cell, the finding's message and its rule id. */
  findingLine: (severity: Severity, cell: string, message: string, rule: string) =>
    `    ${SEVERITY_LABEL[severity]}  ${cell.padEnd(5)} ${message}（${rule}）`,
};

function counts(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return "未发现问题";
  return `${errors} 个错误，${warnings} 个警告`;
}

export const TEMPLATE_MESSAGES = {
  exists: (file: string) => `文件“${file}”已存在，未覆盖。请换一个文件名，或加 --force 覆盖它。`,
  noFolder: (folder: string) => `文件夹“${folder}”不存在。请先创建它，或换一个输出位置。`,
  writeFailed: (file: string, detail: string) =>
    `无法写入“${file}”（${detail}）。若该文件正在 Excel 或 WPS 中打开，请先关闭；并检查文件夹的写入权限。`,
  written: (file: string, year: number) => `已生成 ${year} 年度绩效目标表：${file}`,
};

/** The texts of a `check` run that follow --lang: input problems, unreadable files, the text report, progress. */
export interface CheckMessages {
  readonly inputProblems: { readonly [K in keyof typeof INPUT_PROBLEMS]: (input: string) => string };
  readonly unreadable: { readonly [K in keyof typeof UNREADABLE]: (typeof UNREADABLE)[K] };
  readonly structure: { readonly [K in keyof typeof STRUCTURE_DETAILS]: string };
  readonly formula: { readonly [K in keyof typeof FORMULA_MESSAGES]: (typeof FORMULA_MESSAGES)[K] };
  readonly internalError: (e: unknown) => string;
  readonly unreadableLine: (file: string, why: string) => string;
  readonly report: { readonly [K in keyof typeof REPORT]: (typeof REPORT)[K] };
}

export const CHECK_ZH: CheckMessages = {
  inputProblems: INPUT_PROBLEMS,
  unreadable: UNREADABLE,
  structure: STRUCTURE_DETAILS,
  formula: FORMULA_MESSAGES,
  internalError: INTERNAL_ERROR,
  unreadableLine,
  report: REPORT,
};

const CHECK_BY_LANGUAGE: Readonly<Record<Language, CheckMessages>> = { zh: CHECK_ZH, en: CHECK_EN };

/** The check run's texts in `language` (Chinese by default). */
export function checkMessages(language: Language = "zh"): CheckMessages {
  return CHECK_BY_LANGUAGE[language];
}
