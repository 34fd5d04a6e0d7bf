// 命令行参数里的 文件 / 文件夹 / 通配符 → 要检查的文件清单。

import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from "fs";
import { extname, join, resolve } from "path";

/**
 * Files a folder or a glob picks up: what can be checked, and spreadsheet formats that cannot (.xls, .et, .ods,
 * .xlsb, .numbers), so that each is reported with what to do instead of being skipped silently.
 */
export const SCANNED_EXTENSIONS: readonly string[] = [
  ".xlsx",
  ".xlsm",
  ".xltx",
  ".xltm",
  ".csv",
  ".tsv",
  ".xls",
  ".et",
  ".ett",
  ".ods",
  ".xlsb",
  ".numbers",
];

export interface InputProblem {
  input: string;
  kind: "not-found" | "no-match" | "empty-folder" | "unreadable-folder" | "broken-link" | "link-loop";
}

export interface ExpandedInputs {
  /** Paths as the user would recognise them (relative when the input was), without duplicates. */
  files: string[];
  problems: InputProblem[];
  /** Other files met in folders (documents, images…), named in one note; not submissions to check. */
  others: string[];
}

/** The file system calls a scan makes; tests swap in failures that permissions cannot produce for root. */
export interface ScanFs {
  readdir(dir: string): Dirent[];
  stat(path: string): Stats;
  realpath(path: string): string;
}

export const NODE_SCAN_FS: ScanFs = {
  readdir: (dir) => readdirSync(dir, { withFileTypes: true }),
  stat: (path) => statSync(path),
  realpath: (path) => realpathSync(path),
};

interface Walk {
  fs: ScanFs;
  files: string[];
  problems: InputProblem[];
  others: string[];
  /** Real paths of the folders walked so far: a link back to one of them is a loop, not more files. */
  visited: Set<string>;
  maxDepth: number;
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
function walk(w: Walk, dir: string, prefix: string, depth = 0): void {
  let entries: Dirent[];
  try {
    w.visited.add(w.fs.realpath(dir));
    entries = w.fs.readdir(dir);
  } catch {
    w.problems.push({ input: prefix.replace(/\/$/, "") || dir, kind: "unreadable-folder" });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    // Paths keep the user's own spelling of the folder ("./in/a.csv" stays so), for messages and glob matching.
    const p = prefix + e.name;
    let isDirectory = e.isDirectory();
    if (e.isSymbolicLink()) {
      let target: Stats;
      try {
        target = w.fs.stat(join(dir, e.name));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (isScannable(e.name) || !extname(e.name))
          w.problems.push({ input: p, kind: code === "ELOOP" ? "link-loop" : "broken-link" });
        continue;
      }
      isDirectory = target.isDirectory();
      if (isDirectory) {
        let real: string;
        try {
          real = w.fs.realpath(join(dir, e.name));
        } catch {
          w.problems.push({ input: p, kind: "broken-link" });
          continue;
        }
        if (w.visited.has(real)) {
          if (!isSkippedDir(e.name)) w.problems.push({ input: p, kind: "link-loop" });
          continue;
        }
      }
    }
    if (isDirectory) {
      if (!isSkippedDir(e.name) && depth < w.maxDepth) walk(w, join(dir, e.name), `${p}/`, depth + 1);
    } else if (isScannable(e.name)) {
      w.files.push(p); // pipes and devices too: the check names them instead of reading them
    } else if (!e.name.startsWith("~$") && !e.name.startsWith(".")) {
      w.others.push(p);
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
export function matchGlob(pattern: string, fs: ScanFs = NODE_SCAN_FS): { files: string[]; problems: InputProblem[] } {
  const p = pattern.replace(/\\/g, "/");
  const segments = p.split("/");
  const firstGlob = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.length === 0 ? "." : baseSegments.join("/") || "/";
  const rest = segments.slice(firstGlob);
  const maxDepth = rest.some((s) => s.includes("**")) ? Infinity : rest.length - 1;
  const w: Walk = { fs, files: [], problems: [], others: [], visited: new Set(), maxDepth };
  walk(w, base, baseSegments.length === 0 ? "" : base.endsWith("/") ? base : `${base}/`);
  const re = globToRegExp(p);
  const matches = (f: string) => re.test(f.replace(/\\/g, "/"));
  return { files: w.files.filter(matches), problems: w.problems };
}

/** FILE | DIR | GLOB arguments → files to check, in a stable order, each once; and what could not be scanned. */
export function expandInputs(inputs: readonly string[], fs: ScanFs = NODE_SCAN_FS): ExpandedInputs {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const others: string[] = [];
  const add = (f: string) => {
    // A link and the file it points to are one submission: checked once.
    let key: string;
    try {
      key = fs.realpath(f);
    } catch {
      key = resolve(f);
    }
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = fs.stat(input);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const w: Walk = { fs, files: [], problems: [], others, visited: new Set(), maxDepth: Infinity };
      walk(w, input, /[\\/]$/.test(input) ? input : `${input}/`);
      problems.push(...w.problems);
      if (w.files.length === 0 && w.problems.length === 0) problems.push({ input, kind: "empty-folder" });
      w.files.forEach(add);
    } else if (stat) {
      add(input);
    } else if (isGlob(input)) {
      const found = matchGlob(input, fs);
      problems.push(...found.problems);
      if (found.files.length === 0 && found.problems.length === 0) problems.push({ input, kind: "no-match" });
      found.files.forEach(add);
    } else {
      problems.push({ input, kind: "not-found" });
    }
  }
  return { files, problems, others };
}
