// 检查结果的输出：文本（按文件分组、错误在前、带计数）或 JSON 数组；边检查边输出，不积压在内存里。

import type { Language } from "../domain/settings";
import type { FileOutcome } from "./check-file";
import { checkMessages } from "./messages";
import { escapeJsonForTerminal, plainTerminalText, terminalText } from "./terminal";

export interface TextSink {
  write(s: string): unknown;
}

/** One line of the JSON output. */
export interface JsonFinding {
  file: string;
  sheet: string;
  cell: string;
  row: number;
  rule: string;
  severity: string;
  message: string;
}

export interface Totals {
  files: number;
  withErrors: number;
  errors: number;
  warnings: number;
  unreadable: number;
  /** Folders, links and paths the scan could not use (each said on stderr). */
  skipped?: number;
}

/** The rule id of an unreadable file or an unusable input in the JSON output. */
export const FILE_UNREADABLE = "file-unreadable";

export interface Reporter {
  file(outcome: FileOutcome): void;
  /** A folder, link or path the scan could not use. */
  inputProblem(input: string, message: string): void;
  end(totals: Totals): void;
}

/** Headings, finding lines and the summary in `language`; the findings' messages come already written in it. */
export function textReporter(out: TextSink, language: Language = "zh"): Reporter {
  const REPORT = checkMessages(language).report;
  return {
    file(outcome) {
      if (outcome.kind === "unreadable") return; // said on stderr, with what to do
      // Cell texts reach the reviewer's terminal: controls stripped, invisible characters named, long quotes cut.
      const lines = [REPORT.fileHeading(plainTerminalText(outcome.file))];
      for (const s of outcome.sheets) {
        const errors = s.findings.filter((f) => f.severity === "error").length;
        lines.push(REPORT.sheetHeading(plainTerminalText(s.sheet), errors, s.findings.length - errors));
        for (const f of s.findings) {
          const safe = terminalText(f.message, language);
          lines.push(REPORT.findingLine(f.severity, f.cell, safe.text, f.rule));
          if (safe.removed.length > 0) lines.push(REPORT.invisibleNote(safe.removed.join(language === "en" ? ", " : "、")));
        }
      }
      out.write(`${lines.join("\n")}\n\n`);
    },
    inputProblem() {
      // said on stderr, with what to do
    },
    end(totals) {
      out.write(`${REPORT.summary(totals)}\n`);
    },
  };
}

export function jsonReporter(out: TextSink): Reporter {
  let first = true;
  const write = (item: JsonFinding) => {
    out.write(`${first ? "[\n" : ",\n"}  ${escapeJsonForTerminal(JSON.stringify(item))}`);
    first = false;
  };
  // Unreadable files are findings too, so a script reading the JSON cannot mistake them for clean files.
  const unreadable = (file: string, message: string) =>
    write({ file, sheet: "", cell: "", row: 0, rule: FILE_UNREADABLE, severity: "error", message });
  return {
    inputProblem: unreadable,
    file(outcome) {
      if (outcome.kind === "unreadable") return unreadable(outcome.file, outcome.reason);
      for (const s of outcome.sheets) {
        for (const f of s.findings) {
          const item: JsonFinding = {
            file: outcome.file,
            sheet: s.sheet,
            cell: f.cell,
            row: f.row,
            rule: f.rule,
            severity: f.severity,
            message: f.message,
          };
          write(item);
        }
      }
    },
    end() {
      out.write(first ? "[]\n" : "\n]\n");
    },
  };
}

export interface ErrorSink extends TextSink {
  isTTY?: boolean;
}

/**
 * Progress on stderr: a self-updating line on a terminal; on a pipe or log, a line now and then
 * once the batch is large. Error lines for unreadable files go through it so they do not mix.
 */
export function progressReporter(
  err: ErrorSink,
  total: number,
  language: Language = "zh",
): { step(done: number): void; say(line: string): void; done(): void } {
  const REPORT = checkMessages(language).report;
  const tty = err.isTTY === true;
  const show = (tty && total > 1) || total > 20;
  const every = Math.max(10, Math.ceil(total / 10));
  let shown = false;
  const clear = () => {
    if (tty && shown) err.write("\r\x1b[K");
    shown = false;
  };
  return {
    step(done) {
      if (!show) return;
      if (tty) {
        err.write(`\r${REPORT.progress(done, total)}`);
        shown = true;
      } else if (done % every === 0 || done === total) {
        err.write(`${REPORT.progress(done, total)}\n`);
      }
    },
    say(line) {
      clear();
      err.write(`${line}\n`);
    },
    done() {
      clear();
    },
  };
}
