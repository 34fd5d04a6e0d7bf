// expandInputs, matchGlob and globToRegExp at their edges: order, spelling of paths, links, depth, what is skipped.
import { mkdirSync, symlinkSync, writeFileSync, type Dirent } from "fs";
import { join, resolve } from "path";
import { expandInputs, globToRegExp, matchGlob, NODE_SCAN_FS, SCANNED_EXTENSIONS, type ScanFs } from "../../src/cli/files";
import { tempDir } from "./support";

/** A folder holding `files` (paths with "/"), each a small file. */
function tree(files: readonly string[]): string {
  const root = tempDir("jixiao-files-");
  for (const f of files) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    writeFileSync(join(root, f), "x");
  }
  return root;
}

const rel = (root: string, paths: readonly string[]) => paths.map((p) => p.slice(root.length + 1));

/** The real file system, except that reading folders named `locked` fails. */
const LOCKED: ScanFs = {
  ...NODE_SCAN_FS,
  readdir(dir: string): Dirent[] {
    if (/(^|\/)locked\/?$/.test(dir)) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
    return NODE_SCAN_FS.readdir(dir);
  },
};

describe("walking a folder", () => {
  it("lists files in name order, folder by folder, in the user's spelling of the folder", () => {
    const root = tree(["c.csv", "a.csv", "B.xlsx", "sub/z.csv", "sub/a.tsv", "b.csv"]);
    // Code-point order: capitals before lower case, "sub" after the files beside it.
    expect(rel(root, expandInputs([root]).files)).toEqual(["B.xlsx", "a.csv", "b.csv", "c.csv", "sub/a.tsv", "sub/z.csv"]);
    expect(expandInputs([`${root}/`]).files[0]).toBe(`${root}/B.xlsx`);
  });

  it("picks up every spreadsheet extension, in any case, and names other files apart", () => {
    const names = SCANNED_EXTENSIONS.map((e, i) => `f${i}${i % 2 ? e.toUpperCase() : e}`);
    const root = tree([...names, "说明.docx", "图.PNG", "noext"]);
    const r = expandInputs([root]);
    expect(rel(root, r.files).sort()).toEqual([...names].sort());
    expect(rel(root, r.others)).toEqual(["noext", "图.PNG", "说明.docx"]);
    expect(r.problems).toEqual([]);
  });

  it("skips lock files, hidden files and folders, and node_modules, naming none of them", () => {
    const root = tree(["a.csv", "~$a.xlsx", "~$笔记.txt", ".hidden.csv", ".git/x.csv", "node_modules/p/x.csv", ".env"]);
    const r = expandInputs([root]);
    expect(rel(root, r.files)).toEqual(["a.csv"]);
    expect(r.others).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it("names the folder it cannot open without a trailing slash, and keeps the rest", () => {
    const root = tree(["locked/a.csv", "ok/b.csv"]);
    const r = expandInputs([`${root}/`], LOCKED);
    expect(rel(root, r.files)).toEqual(["ok/b.csv"]);
    expect(r.problems).toEqual([{ input: `${root}/locked`, kind: "unreadable-folder" }]);
  });

  it("reports a named folder it cannot open as unreadable, not as empty", () => {
    const root = tree(["locked/a.csv"]);
    const locked = join(root, "locked");
    expect(expandInputs([locked], LOCKED).problems).toEqual([{ input: locked, kind: "unreadable-folder" }]);
    expect(expandInputs([`${locked}/`], LOCKED).problems).toEqual([{ input: locked, kind: "unreadable-folder" }]);
  });
});

describe("links met while walking", () => {
  it("reports broken links to spreadsheets or extensionless names, and ignores broken links to other files", () => {
    const root = tree(["a.csv"]);
    symlinkSync(join(root, "gone.xlsx"), join(root, "断.xlsx"));
    symlinkSync(join(root, "gone"), join(root, "断"));
    symlinkSync(join(root, "gone.docx"), join(root, "断.docx"));
    const r = expandInputs([root]);
    expect(rel(root, r.files)).toEqual(["a.csv"]);
    expect(r.problems).toEqual([
      { input: `${root}/断`, kind: "broken-link" },
      { input: `${root}/断.xlsx`, kind: "broken-link" },
    ]);
    expect(r.others).toEqual([]);
  });

  it("calls a link to itself a loop", () => {
    const root = tree(["a.csv"]);
    symlinkSync(join(root, "self.csv"), join(root, "self.csv"));
    expect(expandInputs([root]).problems).toEqual([{ input: `${root}/self.csv`, kind: "link-loop" }]);
  });

  it("walks a linked folder elsewhere, reports a link back up as a loop, and says nothing of a hidden one", () => {
    const outside = tree(["外.csv"]);
    const root = tree(["a.csv", "sub/b.csv"]);
    symlinkSync(outside, join(root, "sub", "外部"));
    symlinkSync(root, join(root, "sub", "上级"));
    symlinkSync(root, join(root, "sub", ".上级"));
    const r = expandInputs([root]);
    expect(rel(root, r.files)).toEqual(["a.csv", "sub/b.csv", "sub/外部/外.csv"]);
    expect(r.problems).toEqual([{ input: `${root}/sub/上级`, kind: "link-loop" }]);
  });

  it("walks a linked folder the scan has not met, even when it is a sibling's target", () => {
    const root = tree(["real/a.csv"]);
    symlinkSync(join(root, "real"), join(root, "z-link"));
    // real/ was walked first, so the link to it is a loop, not the same files twice.
    const r = expandInputs([root]);
    expect(rel(root, r.files)).toEqual(["real/a.csv"]);
    expect(r.problems).toEqual([{ input: `${root}/z-link`, kind: "link-loop" }]);
  });

  it("calls a linked folder whose real path cannot be had a broken link", () => {
    const root = tree(["a.csv", "d/b.csv"]);
    symlinkSync(join(root, "d"), join(root, "link"));
    const fs: ScanFs = {
      ...NODE_SCAN_FS,
      realpath(p: string): string {
        if (p.endsWith("link")) throw Object.assign(new Error("EIO"), { code: "EIO" });
        return NODE_SCAN_FS.realpath(p);
      },
    };
    const r = expandInputs([root], fs);
    expect(rel(root, r.files)).toEqual(["a.csv", "d/b.csv"]);
    expect(r.problems).toEqual([{ input: `${root}/link`, kind: "broken-link" }]);
  });
});

describe("named inputs", () => {
  it("checks a file named twice, or by two spellings, once; without a real path, by its resolved path", () => {
    const root = tree(["a.csv"]);
    const a = join(root, "a.csv");
    expect(expandInputs([a, `${root}/./a.csv`, a]).files).toEqual([a]);
    const noRealpath: ScanFs = {
      ...NODE_SCAN_FS,
      realpath: () => {
        throw new Error("ENOSYS");
      },
    };
    expect(expandInputs([a, `${root}/./a.csv`], noRealpath).files).toEqual([a]);
  });

  it("says nothing more of an empty folder or a glob whose scan already reported a problem", () => {
    const root = tree(["locked/a.csv"]);
    expect(expandInputs([join(root, "locked")], LOCKED).problems.map((p) => p.kind)).toEqual(["unreadable-folder"]);
    expect(expandInputs([`${root}/locked/*.csv`], LOCKED).problems).toEqual([{ input: `${root}/locked`, kind: "unreadable-folder" }]);
  });

  it("reports a folder with only other files as empty, and a glob matching nothing", () => {
    const root = tree(["说明.docx"]);
    const r = expandInputs([root, `${root}/*.csv`]);
    expect(r.problems).toEqual([
      { input: root, kind: "empty-folder" },
      { input: `${root}/*.csv`, kind: "no-match" },
    ]);
    expect(r.others).toEqual([`${root}/说明.docx`]);
  });
});

describe("globs", () => {
  it("walks only as deep as the pattern reaches, unless it has **", () => {
    const root = tree(["a.csv", "x/b.csv", "x/locked/c.csv"]);
    // The locked folder is below the pattern's depth: never opened, never reported.
    expect(matchGlob(`${root}/*/*.csv`, LOCKED)).toEqual({ files: [`${root}/x/b.csv`], problems: [] });
    expect(matchGlob(`${root}/*.csv`, LOCKED)).toEqual({ files: [`${root}/a.csv`], problems: [] });
    expect(matchGlob(`${root}/**/*.csv`, LOCKED)).toEqual({
      files: [`${root}/a.csv`, `${root}/x/b.csv`],
      problems: [{ input: `${root}/x/locked`, kind: "unreadable-folder" }],
    });
  });

  it("starts from the working folder for a pattern without a folder, and keeps paths relative", () => {
    const root = tree(["a.csv", "b.xlsx", "sub/c.csv"]);
    const before = process.cwd();
    process.chdir(root);
    try {
      expect(matchGlob("*.csv")).toEqual({ files: ["a.csv"], problems: [] });
      expect(matchGlob("**/*.csv").files).toEqual(["a.csv", "sub/c.csv"]);
      expect(matchGlob("sub/?.csv").files).toEqual(["sub/c.csv"]);
      expect(expandInputs(["*.xlsx"]).files).toEqual(["b.xlsx"]);
      expect(matchGlob("*.csv", LOCKED).files).toEqual(["a.csv"]);
      const denyAll: ScanFs = { ...NODE_SCAN_FS, readdir: () => { throw new Error("EACCES"); } };
      expect(matchGlob("*.csv", denyAll).problems).toEqual([{ input: ".", kind: "unreadable-folder" }]);
    } finally {
      process.chdir(before);
    }
    expect(resolve(root)).toBe(root);
  });

  it("reads backslashes as folder separators", () => {
    const root = tree(["sub/a.csv"]);
    expect(matchGlob(`${root}\\sub\\*.csv`).files).toEqual([`${root}/sub/a.csv`]);
  });

  it("turns a pattern into an exact, anchored expression", () => {
    const deep = globToRegExp("a/**/b.csv");
    expect(["a/b.csv", "a/x/b.csv", "a/x/y/b.csv", "ab.csv", "a/xb.csv", "a/x/b.csvx"].map((p) => deep.test(p))).toEqual([true, true, true, false, false, false]);
    expect(globToRegExp("in/**").test("in/x/y.csv")).toBe(true);
    expect(globToRegExp("in/**").test("out/in/x.csv")).toBe(false);
    expect(globToRegExp("a**.csv").test("a/b/c.csv")).toBe(true);
    expect(globToRegExp("*.csv").test("x.csv.bak")).toBe(false);
    expect(globToRegExp("*.csv").test("dir/x.csv")).toBe(false);
    expect(globToRegExp("?.csv").test("/.csv")).toBe(false);
    expect(globToRegExp("?.csv").test("ab.csv")).toBe(false);
    expect(globToRegExp("a+(1)[2]{3}^$|.csv").test("a+(1)[2]{3}^$|.csv")).toBe(true);
    expect(globToRegExp("a+.csv").test("aa.csv")).toBe(false);
    expect(globToRegExp("in\\*.csv").test("in/a.csv")).toBe(true);
    expect(globToRegExp("*.csv").test("A.CSV")).toBe(process.platform === "win32");
  });
});
