// "bundle": the task pane's own JavaScript after gzip (office.js excluded), against the 80 KB budget.
// Builds dist/ unless BENCH_REUSE_DIST=1 and it is already there.
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { gzipSync } from "zlib";

export const key = "bundle";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const BUDGET_KB = 80;

/** The pane's scripts: the webpack bundle(s) and the two small loaders (office.js and its folder excluded). */
function paneScripts(): string[] {
  return readdirSync(DIST).filter((f) => f.endsWith(".js"));
}

export async function run(): Promise<{ taskpaneGzipKB: number; budgetKB: number; files: Record<string, number> }> {
  if (process.env.BENCH_REUSE_DIST !== "1" || !existsSync(join(DIST, "taskpane.html"))) {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const files: Record<string, number> = {};
  let total = 0;
  for (const f of paneScripts()) {
    const bytes = gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
    files[f] = Math.round((bytes / 1024) * 10) / 10;
    total += bytes;
  }
  if (total === 0) throw new Error("dist/ 中没有任务窗格脚本");
  return { taskpaneGzipKB: Math.round((total / 1024) * 10) / 10, budgetKB: BUDGET_KB, files };
}
