// What this Excel can do: requirement sets per operation, told to the user in plain Chinese.

export type Operation =
  | "insertForm"
  | "nativeRules"
  | "printSetup"
  | "printMerges"
  | "addRows"
  | "check"
  | "liveCheck"
  | "ownWrites"
  | "scoring"
  | "nextFiscalYear";

/** ExcelApi version each operation needs, and why. */
export const REQUIREMENTS: Readonly<Record<Operation, { version: string; feature: string }>> = {
  insertForm: { version: "1.4", feature: "写入表样（getUsedRangeOrNullObject）" },
  nativeRules: { version: "1.8", feature: "下拉列表与数据验证（Range.dataValidation）" },
  printSetup: { version: "1.9", feature: "打印设置（Worksheet.pageLayout）" },
  printMerges: { version: "1.2", feature: "合并单元格" },
  addRows: { version: "1.8", feature: "插入指标行并延续下拉列表" },
  check: { version: "1.4", feature: "读取工作表并检查" },
  liveCheck: { version: "1.8", feature: "边填边查（onChanged 事件）" },
  ownWrites: { version: "1.14", feature: "区分本加载项自己的写入（triggerSource）" },
  scoring: { version: "1.4", feature: "写入评（扣）分标准" },
  nextFiscalYear: { version: "1.7", feature: "复制工作表生成下一年度（Worksheet.copy）" },
};

/** The minimum this add-in needs at all (the manifest states the same). */
export const MINIMUM_VERSION = "1.8";

export type IsSetSupported = (version: string) => boolean;

export function officeIsSetSupported(): IsSetSupported {
  return (version) => Office.context.requirements.isSetSupported("ExcelApi", version);
}

export interface Capabilities {
  supported: Readonly<Record<Operation, boolean>>;
  /** One plain Chinese sentence per feature this Excel cannot do; empty when all is well. */
  limitations: string[];
}

export function hostCapabilities(isSupported: IsSetSupported = officeIsSetSupported()): Capabilities {
  const supported = {} as Record<Operation, boolean>;
  const limitations: string[] = [];
  for (const [op, req] of Object.entries(REQUIREMENTS) as Array<[Operation, { version: string; feature: string }]>) {
    supported[op] = isSupported(req.version);
    if (!supported[op]) limitations.push(`此版本的 Excel 不支持${req.feature}（需要 ExcelApi ${req.version}），相关功能不可用。`);
  }
  return { supported, limitations };
}
