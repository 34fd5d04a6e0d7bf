// `jixiao selfeval` 的参数（与命令本身分开，`check` 启动时不必加载生成自评表的模块）。

import { resolve } from "path";
import { parseArgs } from "util";
import { SELFEVAL_MESSAGES as SAY } from "./selfeval-messages";

export interface SelfevalCommand {
  command: "selfeval";
  input: string;
  output: string;
  force: boolean;
}

export type SelfevalParse = { ok: true; value: SelfevalCommand | { command: "help"; topic: "selfeval" } } | { ok: false; message: string };

export function parseSelfeval(args: string[]): SelfevalParse {
  let r;
  try {
    r = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { output: { type: "string", short: "o" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch {
    return { ok: false, message: SAY.usage };
  }
  if (r.values.help) return { ok: true, value: { command: "help", topic: "selfeval" } };
  if (r.positionals.length === 0) return { ok: false, message: SAY.noInput };
  if (r.positionals.length > 1) return { ok: false, message: SAY.tooManyInputs };
  const output = r.values.output;
  if (typeof output !== "string" || output.trim() === "") return { ok: false, message: SAY.noOutput };
  if (!/\.xlsx$/i.test(output)) return { ok: false, message: SAY.outputExtension(output) };
  const input = r.positionals[0] as string;
  if (resolve(input) === resolve(output)) return { ok: false, message: SAY.sameFile };
  return { ok: true, value: { command: "selfeval", input, output, force: r.values.force === true } };
}
