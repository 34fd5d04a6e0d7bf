// What this Excel can do: requirement sets per operation, told to the user in plain words (messages.ts).

import { excelMessages, type Language } from "./messages";

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

/** ExcelApi version each operation needs. */
const VERSIONS: Readonly<Record<Operation, string>> = {
  insertForm: "1.4",
  nativeRules: "1.8",
  printSetup: "1.9",
  printMerges: "1.2",
  addRows: "1.8",
  check: "1.4",
  liveCheck: "1.8",
  ownWrites: "1.14",
  scoring: "1.4",
  nextFiscalYear: "1.7",
};

/** ExcelApi version each operation needs, and why (`feature` in `language`). */
export function requirementsIn(language: Language): Readonly<Record<Operation, { version: string; feature: string }>> {
  const features = excelMessages(language).features;
  const out = {} as Record<Operation, { version: string; feature: string }>;
  for (const op of Object.keys(VERSIONS) as Operation[]) out[op] = { version: VERSIONS[op], feature: features[op] };
  return out;
}

/** ExcelApi version each operation needs, and why (in Chinese). */
export const REQUIREMENTS: Readonly<Record<Operation, { version: string; feature: string }>> = requirementsIn("zh");

/** The minimum this add-in needs at all (the manifest states the same). */
export const MINIMUM_VERSION = "1.8";

export type IsSetSupported = (version: string) => boolean;

export function officeIsSetSupported(): IsSetSupported {
  return (version) => Office.context.requirements.isSetSupported("ExcelApi", version);
}

export interface Capabilities {
  supported: Readonly<Record<Operation, boolean>>;
  /** One plain sentence (in the language asked for, Chinese by default) per feature this Excel cannot do; empty when all is well. */
  limitations: string[];
}

export function hostCapabilities(isSupported: IsSetSupported = officeIsSetSupported(), language: Language = "zh"): Capabilities {
  const supported = {} as Record<Operation, boolean>;
  const limitations: string[] = [];
  const say = excelMessages(language);
  for (const [op, req] of Object.entries(requirementsIn(language)) as Array<[Operation, { version: string; feature: string }]>) {
    supported[op] = isSupported(req.version);
    if (!supported[op]) limitations.push(say.featureUnavailable(req.feature, req.version));
  }
  return { supported, limitations };
}
