// "bundle": the task pane's own JavaScript after gzip (office.js excluded): what the page loads to start, against
// the 60 KB budget (the entry bundle and the office.js loader), the chunks taskpane.html preloads beside it (checking's
// engine, which the start does not wait for), and the chunks loaded on first use (English texts,
// the 评分标准 tab, inserting, rows, next year); the size
// of dist/ as deployed and of its office.js fallback folder (budget 10 MB).
// Builds dist/ unless BENCH_REUSE_DIST=1 and it is already there.
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import { gzipSync } from "zlib";

export const key = "bundle";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const BUDGET_KB = 60;
const FALLBACK_BUDGET_MB = 10;

function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 100) / 100;
}

/** Bytes and file count under a folder. */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) {
      const sub = folderSize(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(p).size;
      files++;
    }
  }
  return { bytes, files };
}

export async function run(): Promise<{
  taskpaneGzipKB: number;
  budgetKB: number;
  startupGzipKB: number;
  preloadedGzipKB: number;
  lazyGzipKB: number;
  ribbonCommandsGzipKB: number;
  files: Record<string, number>;
  distMB: number;
  distFiles: number;
  officeJsFallbackMB: number;
  officeJsFallbackFiles: number;
  officeJsFallbackBudgetMB: number;
}> {
  if (process.env.BENCH_REUSE_DIST !== "1" || !existsSync(join(DIST, "taskpane.html"))) {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const files: Record<string, number> = {};
  let startup = 0;
  let lazy = 0;
  let preloaded = 0;
  let commands = 0;
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const preloads = new Set(Array.from(html.matchAll(/<link[^>]*rel="?preload"?[^>]*href="?([^" >]+)/g), (m) => m[1]));
  for (const f of readdirSync(DIST).filter((x) => x.endsWith(".js"))) {
    const bytes = gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
    files[f] = kb(bytes);
    // unsupported.js runs only in Internet Explorer 11 (nomodule), and commands.js only in the ribbon's own
    // hidden page when 清除标记 is clicked there: neither is part of the pane's start.
    if (f.endsWith(".chunk.js") && preloads.has(f)) preloaded += bytes;
    else if (f.endsWith(".chunk.js")) lazy += bytes;
    else if (f.startsWith("commands.")) commands += bytes;
    else if (f !== "unsupported.js") startup += bytes;
  }
  if (startup === 0) throw new Error("dist/ 中没有任务窗格脚本");
  const dist = folderSize(DIST);
  const fallback = folderSize(join(DIST, "office-js"));
  return {
    taskpaneGzipKB: kb(startup + preloaded + lazy),
    budgetKB: BUDGET_KB,
    startupGzipKB: kb(startup),
    preloadedGzipKB: kb(preloaded),
    lazyGzipKB: kb(lazy),
    ribbonCommandsGzipKB: kb(commands),
    files,
    distMB: mb(dist.bytes),
    distFiles: dist.files,
    officeJsFallbackMB: mb(fallback.bytes),
    officeJsFallbackFiles: fallback.files,
    officeJsFallbackBudgetMB: FALLBACK_BUDGET_MB,
  };
}
