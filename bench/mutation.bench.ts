// "mutation": the score per folder from the last `npm run mutate` report (reports/mutation/mutation.json),
// or that there is none. It only reads the report: a mutation run takes far too long for a benchmark.
import { existsSync, readFileSync, statSync } from "fs";
import { dirname, join, relative } from "path";

export const key = "mutation";

export const REPORT = join(__dirname, "../reports/mutation/mutation.json");

/** The folders the issue sets targets for, and their lowest acceptable score (percent). */
export const TARGETS: Readonly<Record<string, number>> = {
  "src/domain/rules": 85,
  "src/domain/scoring": 85,
  "src/domain/reader": 85,
  "src/cli": 75,
  "src/excel": 75,
};

export interface FolderScore {
  /** (killed + timeout) / (killed + timeout + survived + no coverage), percent with one decimal; null with no mutants. */
  score: number | null;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Mutants that did not compile or run, or were ignored: not counted in the score. */
  other: number;
  target?: number;
  meetsTarget?: boolean;
}

interface ReportFile {
  mutants: ReadonlyArray<{ status: string }>;
}

function empty(): FolderScore {
  return { score: null, killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
}

function add(into: FolderScore, status: string): void {
  if (status === "Killed") into.killed++;
  else if (status === "Timeout") into.timeout++;
  else if (status === "Survived") into.survived++;
  else if (status === "NoCoverage") into.noCoverage++;
  else into.other++;
}

function finish(s: FolderScore): FolderScore {
  const detected = s.killed + s.timeout;
  const valid = detected + s.survived + s.noCoverage;
  s.score = valid === 0 ? null : Math.round((detected / valid) * 1000) / 10;
  return s;
}

/** Scores per folder (each file counts for its own folder and for the target folder holding it), and overall. */
export function scoresOf(files: Readonly<Record<string, ReportFile>>): { folders: Record<string, FolderScore>; overall: FolderScore } {
  const folders: Record<string, FolderScore> = {};
  const overall = empty();
  for (const [path, file] of Object.entries(files)) {
    const rel = path.replace(/\\/g, "/");
    const own = dirname(rel);
    const keys = new Set([own, ...Object.keys(TARGETS).filter((t) => own === t || own.startsWith(`${t}/`))]);
    for (const m of file.mutants) {
      add(overall, m.status);
      for (const k of keys) add((folders[k] ??= empty()), m.status);
    }
  }
  for (const [k, s] of Object.entries(folders)) {
    finish(s);
    const target = TARGETS[k];
    if (target !== undefined) {
      s.target = target;
      s.meetsTarget = s.score !== null && s.score >= target;
    }
  }
  const sorted = Object.fromEntries(Object.entries(folders).sort(([a], [b]) => a.localeCompare(b)));
  return { folders: sorted, overall: finish(overall) };
}

export async function run(): Promise<unknown> {
  if (!existsSync(REPORT)) {
    return { report: null, message: "还没有变异测试报告：先运行 npm run mutate（或只查一部分：npm run mutate -- rules）" };
  }
  const parsed = JSON.parse(readFileSync(REPORT, "utf8")) as { files?: Record<string, ReportFile> };
  const root = join(__dirname, "..");
  // Paths in the report are relative to the project; make absolute ones relative too.
  const files = Object.fromEntries(Object.entries(parsed.files ?? {}).map(([p, f]) => [p.startsWith("/") ? relative(root, p) : p, f]));
  return { report: relative(root, REPORT), written: statSync(REPORT).mtime.toISOString(), ...scoresOf(files) };
}
