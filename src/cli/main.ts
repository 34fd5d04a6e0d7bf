// 命令行入口：jixiao check / template / help。返回退出码，由 bin/jixiao.js 调用。

import { existsSync, statSync } from "fs";
import { writeFile } from "fs/promises";
import { dirname, resolve } from "path";
import { parseCommandLine, type CheckCommand, type TemplateCommand } from "./args";
import { checkFile, type FileOutcome } from "./check-file";
import { expandInputs } from "./files";
import { checkMessages, HELP, HELP_CHECK, HELP_TEMPLATE, INTERNAL_ERROR, TEMPLATE_MESSAGES } from "./messages";
import { jsonReporter, progressReporter, textReporter, type ErrorSink, type TextSink, type Totals } from "./report";
import { templateBytes } from "./template";
import { HELP_SELFEVAL } from "./selfeval-messages";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CliIO {
  stdout: TextSink;
  stderr: ErrorSink;
  /** Today, for the template's default fiscal year. */
  now: () => Date;
}

export async function runCheck(cmd: CheckCommand, io: CliIO): Promise<number> {
  const language = cmd.settings.language ?? "zh";
  const say = checkMessages(language);
  const { files, problems } = expandInputs(cmd.inputs);
  for (const p of problems) io.stderr.write(`${say.inputProblems[p.kind](p.input)}\n`);
  const reporter = cmd.format === "json" ? jsonReporter(io.stdout) : textReporter(io.stdout, language);
  const progress = progressReporter(io.stderr, files.length, language);
  const totals: Totals = { files: 0, withErrors: 0, errors: 0, warnings: 0, unreadable: 0 };
  // One file at a time, awaited before the next is opened: memory holds one workbook, whatever the batch size.
  for (const [i, file] of files.entries()) {
    const outcome = await checkFile(file, cmd.settings).catch(
      (e: unknown): FileOutcome => ({ kind: "unreadable", file, reason: say.internalError(e) }),
    );
    totals.files++;
    if (outcome.kind === "unreadable") {
      totals.unreadable++;
      progress.say(say.unreadableLine(file, outcome.reason));
    } else {
      let errors = 0;
      let warnings = 0;
      for (const s of outcome.sheets) {
        for (const f of s.findings) {
          if (f.severity === "error") errors++;
          else warnings++;
        }
      }
      totals.errors += errors;
      totals.warnings += warnings;
      if (errors > 0) totals.withErrors++;
    }
    reporter.file(outcome);
    progress.step(i + 1);
  }
  progress.done();
  reporter.end(totals);
  if (problems.length > 0 || totals.unreadable > 0) return EXIT_USAGE;
  return totals.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export async function runTemplate(cmd: TemplateCommand, io: CliIO): Promise<number> {
  const out = cmd.output;
  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    io.stderr.write(`${TEMPLATE_MESSAGES.noFolder(dirname(out))}\n`);
    return EXIT_USAGE;
  }
  if (existsSync(out) && !cmd.force) {
    io.stderr.write(`${TEMPLATE_MESSAGES.exists(out)}\n`);
    return EXIT_USAGE;
  }
  // Loaded here so that `check` does not pay for the template's modules.
  const { defaultFiscalYear } = await import("../domain/fiscal");
  const year = cmd.year ?? defaultFiscalYear(io.now());
  const bytes = await templateBytes({ year, ...(cmd.deptName ? { deptName: cmd.deptName } : {}) });
  try {
    // "wx" fails if the file appeared meanwhile: never overwrite without --force.
    await writeFile(out, bytes, { flag: cmd.force ? "w" : "wx" });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EEXIST") io.stderr.write(`${TEMPLATE_MESSAGES.exists(out)}\n`);
    else io.stderr.write(`${TEMPLATE_MESSAGES.writeFailed(out, err.code ?? err.message)}\n`);
    return EXIT_USAGE;
  }
  io.stdout.write(`${TEMPLATE_MESSAGES.written(out, year)}\n`);
  return EXIT_OK;
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../package.json") as { version: string }).version;
}

/** Runs one command line (argv without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\n`);
    return EXIT_USAGE;
  }
  const cmd = parsed.value;
  switch (cmd.command) {
    case "help":
      io.stdout.write(
        cmd.topic === "check" ? HELP_CHECK : cmd.topic === "template" ? HELP_TEMPLATE : cmd.topic === "selfeval" ? HELP_SELFEVAL : HELP,
      );
      return EXIT_OK;
    case "version":
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    case "check":
      return runCheck(cmd, io);
    case "template":
      return runTemplate(cmd, io);
    case "selfeval": {
      // Loaded here so that `check` does not pay for the self-evaluation writer's modules.
      const { runSelfeval } = await import("./selfeval");
      return runSelfeval(cmd, io);
    }
  }
}

/** The process's own command line; sets the exit code and lets pending output drain. */
export function run(): void {
  const ignoreClosedPipe = (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  };
  process.stdout.on("error", ignoreClosedPipe);
  process.stderr.on("error", ignoreClosedPipe);
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, now: () => new Date() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${INTERNAL_ERROR(e)}\n${e instanceof Error ? (e.stack ?? "") : ""}\n`);
      process.exitCode = 70; // EX_SOFTWARE: a bug, not the user's input
    },
  );
}
