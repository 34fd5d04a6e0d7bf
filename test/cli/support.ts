// Shared helpers for the command-line tests: CSV writing, running the real bin, temp folders.
import { spawnSync } from "child_process";
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

/** Runs `node bin/jixiao.js ...args` the way `npx jixiao` does, from `cwd` (default: the repo). */
export function runCli(args: readonly string[], cwd: string = REPO): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
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
