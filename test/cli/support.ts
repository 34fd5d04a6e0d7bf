// Shared helpers for the command-line tests: CSV writing, running the command line, temp folders.
import { spawn } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { JsonFinding } from "../../src/cli/report";
import type { CellValue } from "../../src/domain/grid";

export const REPO = join(__dirname, "../..");
export const BIN = join(REPO, "bin/jixiao.js");

/** RFC 4180 CSV as Excel writes it: CRLF, quotes only where needed. */
export function toCsv(grid: ReadonlyArray<ReadonlyArray<CellValue>>): string {
  const q = (v: CellValue) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return grid.map((r) => r.map(q).join(",")).join("\r\n") + "\r\n";
}

export function tempDir(prefix = "jixiao-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Mutation runs set this (test/support/cli-in-process.js): the command line then runs from src/ in this process. */
export const IN_PROCESS = process.env.JIXIAO_CLI_IN_PROCESS === "1";

/**
 * Runs `jixiao ...args` from `cwd` (default: the repo). Normally the real bin in a child process, the way
 * `npx jixiao` runs it; in mutation runs `main()` from src/cli in this process, so the mutant is what runs.
 */
export function runCli(args: readonly string[], cwd: string = REPO): Promise<CliResult> {
  return IN_PROCESS ? runInProcess(args, cwd) : runBin(args, cwd);
}

function runBin(args: readonly string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, timeout: 120_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

// Serialised: the working directory is the process's, so two runs must not overlap.
let queue: Promise<unknown> = Promise.resolve();

function runInProcess(args: readonly string[], cwd: string): Promise<CliResult> {
  const run = queue.then(async (): Promise<CliResult> => {
    // Loaded here, so a spawning run never loads the sources.
    const { main } = await import("../../src/cli/main");
    const { EXIT_SOFTWARE } = await import("../../src/cli/exit-codes");
    const { INTERNAL_ERROR } = await import("../../src/cli/messages");
    let stdout = "";
    let stderr = "";
    const io = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      now: () => new Date(),
    };
    const before = process.cwd();
    process.chdir(cwd);
    try {
      const status = await main(args, io);
      return { status, stdout, stderr };
    } catch (e) {
      // What bin/jixiao.js does with an exception: a bug in the tool, exit 70.
      return { status: EXIT_SOFTWARE, stdout, stderr: `${stderr}${INTERNAL_ERROR(e)}\n` };
    } finally {
      process.chdir(before);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

export type { JsonFinding };

export function parseJsonFindings(stdout: string): JsonFinding[] {
  const parsed: unknown = JSON.parse(stdout);
  if (!Array.isArray(parsed)) throw new Error("JSON output is not an array");
  return parsed as JsonFinding[];
}

/** 1-based row of the first grid row holding a cell equal to `text`. */
export function rowOf(grid: ReadonlyArray<ReadonlyArray<CellValue>>, text: string): number {
  const i = grid.findIndex((r) => r.some((c) => String(c ?? "").trim() === text));
  if (i < 0) throw new Error(`no row holds ${text}`);
  return i + 1;
}
