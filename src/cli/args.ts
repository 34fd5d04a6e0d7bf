// 命令行参数：node 的 util.parseArgs 拆分，zod 校验，出错时给中文说明。

import { parseArgs } from "util";
import { z } from "zod";
import { LANGUAGES, parseSettings, type Settings } from "../domain/settings";
import { ARG_ERRORS } from "./messages";
import { parseSelfeval, type SelfevalCommand } from "./selfeval-args";

export type OutputFormat = "text" | "json";

export interface CheckCommand {
  command: "check";
  inputs: string[];
  format: OutputFormat;
  settings: Settings;
}

export interface TemplateCommand {
  command: "template";
  /** null: the default fiscal year for today. */
  year: number | null;
  deptName: string | null;
  output: string;
  force: boolean;
}

export type HelpTopic = "main" | "check" | "template" | "selfeval";

export type Command =
  | CheckCommand
  | TemplateCommand
  | SelfevalCommand
  | { command: "help"; topic: HelpTopic }
  | { command: "version" };

export type ParsedArgs = { ok: true; value: Command } | { ok: false; message: string };

const fail = (message: string): ParsedArgs => ({ ok: false, message });

const FormatSchema = z.enum(["text", "json"]);
const LanguageSchema = z.enum(LANGUAGES);
const YearSchema = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(z.number().int().min(2000).max(2100));
const DeptSchema = z.string().trim().min(1).max(100);
const OutputSchema = z.string().regex(/\.xlsx$/i);

interface NodeParseError {
  code?: string;
  message: string;
}

/** util.parseArgs' English errors, in Chinese. */
function translateParseError(e: NodeParseError, command: string): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return ARG_ERRORS.unknownOption(quoted.split(" ")[0] ?? quoted, command);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return ARG_ERRORS.missingValue(/(--[a-z]+)/.exec(e.message)?.[1] ?? quoted);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return ARG_ERRORS.unexpectedArgument(quoted, command);
    default:
      return e.message;
  }
}

/**
 * `--total -5` as `--total=-5`: util.parseArgs takes "-5" for an option and says the value is missing, while the
 * user gave a value that is out of range, and should hear that.
 */
function joinNegativeValues(args: readonly string[], options: Record<string, { type: string; short?: string }>): string[] {
  const takesValue = new Set<string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== "string") continue;
    takesValue.add(`--${name}`);
    if (o.short) takesValue.add(`-${o.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    if (takesValue.has(a) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a.startsWith("--") ? a : `--${Object.entries(options).find(([, o]) => `-${o.short}` === a)?.[0] ?? a}`}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function splitArgs<T extends Parameters<typeof parseArgs>[0]>(
  config: T,
  command: string,
): { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] } | { ok: false; message: string } {
  try {
    const r = parseArgs({ ...config, args: joinNegativeValues(config?.args ?? [], config?.options ?? {}), strict: true });
    return { ok: true, values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    return { ok: false, message: translateParseError(e as NodeParseError, command) };
  }
}

function parseCheck(args: string[]): ParsedArgs {
  const r = splitArgs(
    {
      args,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        total: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    },
    "check",
  );
  if (!r.ok) return fail(r.message);
  if (r.values.help) return { ok: true, value: { command: "help", topic: "check" } };
  if (r.positionals.length === 0) return fail(ARG_ERRORS.noInputs);
  const rawFormat = typeof r.values.format === "string" ? r.values.format : "text";
  const format = FormatSchema.safeParse(rawFormat.toLowerCase());
  if (!format.success) return fail(ARG_ERRORS.format(rawFormat));
  const rawLang = typeof r.values.lang === "string" ? r.values.lang : "zh";
  const language = LanguageSchema.safeParse(rawLang.trim().toLowerCase());
  if (!language.success) return fail(ARG_ERRORS.lang(rawLang));
  let settings: Settings;
  const rawTotal = r.values.total;
  if (typeof rawTotal === "string") {
    const n = rawTotal.trim() === "" ? NaN : Number(rawTotal);
    const s = parseSettings({ expectedTotal: n, language: language.data });
    if (!s.ok) return fail(ARG_ERRORS.total(rawTotal));
    settings = s.settings;
  } else {
    const s = parseSettings({ language: language.data });
    if (!s.ok) return fail(s.message);
    settings = s.settings;
  }
  return { ok: true, value: { command: "check", inputs: r.positionals, format: format.data, settings } };
}

function parseTemplate(args: string[]): ParsedArgs {
  const r = splitArgs(
    {
      args,
      allowPositionals: false,
      options: {
        year: { type: "string" },
        dept: { type: "string" },
        output: { type: "string", short: "o" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    },
    "template",
  );
  if (!r.ok) return fail(r.message);
  if (r.values.help) return { ok: true, value: { command: "help", topic: "template" } };
  let year: number | null = null;
  if (typeof r.values.year === "string") {
    const y = YearSchema.safeParse(r.values.year.trim());
    if (!y.success) return fail(ARG_ERRORS.year(r.values.year));
    year = y.data;
  }
  let deptName: string | null = null;
  if (typeof r.values.dept === "string") {
    const d = DeptSchema.safeParse(r.values.dept);
    if (!d.success) return fail(ARG_ERRORS.dept);
    deptName = d.data;
  }
  if (typeof r.values.output !== "string" || r.values.output.trim() === "") return fail(ARG_ERRORS.noOutput);
  const o = OutputSchema.safeParse(r.values.output);
  if (!o.success) return fail(ARG_ERRORS.outputExtension(r.values.output));
  return { ok: true, value: { command: "template", year, deptName, output: o.data, force: r.values.force === true } };
}

/** argv without `node` and the script: `["check", "a.xlsx", "--format", "json"]`. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined) return fail(ARG_ERRORS.noCommand);
  switch (first) {
    case "check":
      return parseCheck(rest);
    case "template":
      return parseTemplate(rest);
    case "selfeval":
      return parseSelfeval(rest);
    case "help":
    case "--help":
    case "-h": {
      const topic = rest[0];
      if (topic === undefined) return { ok: true, value: { command: "help", topic: "main" } };
      if (topic === "check" || topic === "template" || topic === "selfeval") return { ok: true, value: { command: "help", topic } };
      return fail(ARG_ERRORS.helpTopic(topic));
    }
    case "--version":
    case "-v":
      return { ok: true, value: { command: "version" } };
    default:
      return fail(ARG_ERRORS.unknownCommand(first));
  }
}
