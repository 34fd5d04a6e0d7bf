// `jixiao check`：展开输入、逐个文件检查（每个文件在独立的工作线程里读，见 isolate.ts）、输出报告与合计。

import type { FileOutcome } from "./check-file";
import { isolatedChecker } from "./isolate";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "./exit-codes";
import { expandInputs } from "./files";
import type { CliIO } from "./io";
import { checkMessages } from "./messages";
import { plainTerminalText } from "./terminal";
import { jsonReporter, progressReporter, textReporter, type Totals } from "./report";
import type { CheckCommand } from "./args";

export async function runCheck(cmd: CheckCommand, io: CliIO): Promise<number> {
  const language = cmd.settings.language ?? "zh";
  const say = checkMessages(language);
  const { files, problems, others } = expandInputs(cmd.inputs);
  const reporter = cmd.format === "json" ? jsonReporter(io.stdout) : textReporter(io.stdout, language);
  for (const p of problems) {
    const message = say.inputProblems[p.kind](p.input);
    io.stderr.write(`${plainTerminalText(message)}\n`);
    reporter.inputProblem(p.input, message);
  }
  if (others.length > 0) io.stderr.write(`${plainTerminalText(say.report.others(others.length, others[0] as string))}\n`);
  const progress = progressReporter(io.stderr, files.length, language);
  const totals: Totals = { files: 0, withErrors: 0, errors: 0, warnings: 0, unreadable: 0, skipped: problems.length };
  // One file at a time, awaited before the next is opened: memory holds one workbook, whatever the batch size.
  const checker = isolatedChecker();
  try {
    for (const [i, file] of files.entries()) {
      const outcome = await checker
        .check(file, cmd.settings)
        .catch((e: unknown): FileOutcome => ({ kind: "unreadable", file, reason: say.internalError(e) }));
      totals.files++;
      if (outcome.kind === "unreadable") {
        totals.unreadable++;
        progress.say(plainTerminalText(say.unreadableLine(file, outcome.reason)));
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
  } finally {
    await checker.close();
  }
  progress.done();
  reporter.end(totals);
  if (problems.length > 0 || totals.unreadable > 0) return EXIT_USAGE;
  return totals.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
