// 命令行参数里的 文件 / 文件夹 / 通配符 → 要检查的文件清单。

import { readdirSync, statSync } from "fs";
import { extname, join, resolve } from "path";

/** Files a folder or a glob picks up. .xls is included so that it is reported (save as .xlsx), not silently skipped. */
export const SCANNED_EXTENSIONS: readonly string[] = [".xlsx", ".xlsm", ".csv", ".xls"];

export interface InputProblem {
  input: string;
  kind: "not-found" | "no-match" | "empty-folder";
}

export interface ExpandedInputs {
  /** Paths as the user would recognise them (relative when the input was), without duplicates. */
  files: string[];
  problems: InputProblem[];
}

function isGlob(s: string): boolean {
  return /[*?]/.test(s);
}

/** Excel's lock files (~$报表.xlsx) and hidden files are not submissions. */
function isScannable(name: string): boolean {
  return !name.startsWith("~$") && !name.startsWith(".") && SCANNED_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** Folders never worth walking into. */
function isSkippedDir(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** Every scannable file under dir (recursively: reviewers keep submissions in per-unit subfolders). */
function walk(dir: string, prefix: string, out: string[], maxDepth = Infinity, depth = 0): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    // Paths keep the user's own spelling of the folder ("./in/a.csv" stays so), for messages and glob matching.
    const p = prefix + e.name;
    if (e.isDirectory()) {
      if (!isSkippedDir(e.name) && depth < maxDepth) walk(join(dir, e.name), `${p}/`, out, maxDepth, depth + 1);
    } else if (e.isFile() && isScannable(e.name)) {
      out.push(p);
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/** A glob as a regular expression over "/"-separated paths: `**` any folders, `*` within a name, `?` one character. */
export function globToRegExp(pattern: string): RegExp {
  const p = pattern.replace(/\\/g, "/");
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const ch = p[i] as string;
    if (ch === "*" && p[i + 1] === "*") {
      if (p[i + 2] === "/") {
        re += "(?:[^/]*/)*";
        i += 2;
      } else {
        re += ".*";
        i += 1;
      }
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else re += escapeRegExp(ch);
  }
  return new RegExp(`^${re}$`, process.platform === "win32" ? "i" : "");
}

/** The glob's files: walk from its literal leading folders, keep the paths the pattern matches. */
export function matchGlob(pattern: string): string[] {
  const p = pattern.replace(/\\/g, "/");
  const segments = p.split("/");
  const firstGlob = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.length === 0 ? "." : baseSegments.join("/") || "/";
  const rest = segments.slice(firstGlob);
  const maxDepth = rest.some((s) => s.includes("**")) ? Infinity : rest.length - 1;
  const found: string[] = [];
  walk(base, baseSegments.length === 0 ? "" : base.endsWith("/") ? base : `${base}/`, found, maxDepth);
  const re = globToRegExp(p);
  return found.filter((f) => re.test(f.replace(/\\/g, "/")));
}

/** FILE | DIR | GLOB arguments → files to check, in a stable order, each once. */
export function expandInputs(inputs: readonly string[]): ExpandedInputs {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const add = (f: string) => {
    const key = resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(input, /[\\/]$/.test(input) ? input : `${input}/`, found);
      if (found.length === 0) problems.push({ input, kind: "empty-folder" });
      found.forEach(add);
    } else if (stat) {
      add(input);
    } else if (isGlob(input)) {
      const found = matchGlob(input);
      if (found.length === 0) problems.push({ input, kind: "no-match" });
      found.forEach(add);
    } else {
      problems.push({ input, kind: "not-found" });
    }
  }
  return { files, problems };
}
