// `jixiao selfeval` 的说明文字。

export const HELP_SELFEVAL = `用法：jixiao selfeval 目标表.xlsx|.csv -o 输出.xlsx [--force]

  目标表      本年度的绩效目标表（.xlsx 或 .csv）；文件中的每一张目标表各生成一个“YYYY年自评”工作表
  -o, --output  输出文件，扩展名须为 .xlsx
  --force     输出文件已存在时覆盖它（默认不覆盖）

生成的自评表：指标、年度指标值、分值和评（扣）分标准取自目标表；填写实际完成值后，得分、预算执行率、总分和
自评等级由表格自带的公式计算（Excel、WPS、LibreOffice 中都能用）；定性指标从下拉列表选择评判等级。
`;

export const SELFEVAL_MESSAGES = {
  usage: "用法：jixiao selfeval 目标表.xlsx|.csv -o 输出.xlsx [--force]。运行 jixiao help selfeval 查看说明。",
  noInput: "缺少目标表文件。用法：jixiao selfeval 目标表.xlsx -o 输出.xlsx",
  tooManyInputs: "一次只能由一个目标表生成自评表：请只给出一个文件。",
  noOutput: "缺少输出文件：请用 -o 指定，如 -o 2026年自评.xlsx",
  outputExtension: (file: string) => `输出文件“${file}”的扩展名须为 .xlsx。`,
  sameFile: "输出文件不能与目标表是同一个文件：原表不会被改动，请换一个输出文件名。",
  unreadable: (file: string, why: string) => `无法读取“${file}”：${why}`,
  noForm: (file: string) => `“${file}”中没有找到绩效目标表（需要有一级指标、三级指标、指标值等列的指标表）。`,
  exists: (file: string) => `文件“${file}”已存在，未覆盖。请换一个文件名，或加 --force 覆盖它。`,
  noFolder: (folder: string) => `文件夹“${folder}”不存在。请先创建它，或换一个输出位置。`,
  writeFailed: (file: string, detail: string) =>
    `无法写入“${file}”（${detail}）。若该文件正在 Excel 或 WPS 中打开，请先关闭；并检查文件夹的写入权限。`,
  written: (file: string, sheets: readonly string[], indicators: number, unscored: number) =>
    `已生成自评表：${file}（工作表 ${sheets.join("、")}，共 ${indicators} 个指标` +
    (unscored > 0 ? `；其中 ${unscored} 个指标的评（扣）分标准没有写明可计算的方法，得分需手工填写` : "") +
    "）",
};
