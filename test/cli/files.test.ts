import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { expandInputs, globToRegExp, matchGlob } from "../../src/cli/files";
import { tempDir } from "./support";

describe("globToRegExp", () => {
  it("matches * within a name, ** across folders and ? for one character", () => {
    expect(globToRegExp("in/*.xlsx").test("in/a.xlsx")).toBe(true);
    expect(globToRegExp("in/*.xlsx").test("in/sub/a.xlsx")).toBe(false);
    expect(globToRegExp("in/**/*.xlsx").test("in/a.xlsx")).toBe(true);
    expect(globToRegExp("in/**/*.xlsx").test("in/x/y/a.xlsx")).toBe(true);
    expect(globToRegExp("in/?.csv").test("in/a.csv")).toBe(true);
    expect(globToRegExp("in/?.csv").test("in/ab.csv")).toBe(false);
    expect(globToRegExp("a.b/*.csv").test("axb/c.csv")).toBe(false);
  });
});

describe("expandInputs", () => {
  const root = tempDir();
  const f = (p: string) => {
    mkdirSync(join(root, p, ".."), { recursive: true });
    writeFileSync(join(root, p), "x");
    return join(root, p);
  };
  ["单位A.xlsx", "单位B.csv", "sub/单位C.xlsx", "sub/deep/单位D.csv", "sub/旧表.xls", "~$单位A.xlsx", "说明.docx", ".hidden/e.csv"].forEach(f);

  it("walks a folder recursively, skipping Excel lock files, hidden folders and other types", () => {
    const { files: found, problems } = expandInputs([root]);
    expect(problems).toEqual([]);
    expect(found.map((p) => p.slice(root.length + 1)).sort()).toEqual(
      ["sub/deep/单位D.csv", "sub/单位C.xlsx", "sub/旧表.xls", "单位A.xlsx", "单位B.csv"].sort(),
    );
  });

  it("expands * and ** globs, and reports a glob that matches nothing", () => {
    expect(matchGlob(`${root}/*.xlsx`).files.map((p) => p.slice(root.length + 1))).toEqual(["单位A.xlsx"]);
    expect(matchGlob(`${root}/**/*.csv`).files.map((p) => p.slice(root.length + 1)).sort()).toEqual(["sub/deep/单位D.csv", "单位B.csv"]);
    expect(expandInputs([`${root}/*.pdf`]).problems).toEqual([{ input: `${root}/*.pdf`, kind: "no-match" }]);
  });

  it("takes a named file as is, once, and reports missing paths and empty folders", () => {
    mkdirSync(join(root, "empty"));
    const named = join(root, "说明.docx");
    const r = expandInputs([named, named, join(root, "nope.xlsx"), join(root, "empty")]);
    expect(r.files).toEqual([named]);
    expect(r.problems).toEqual([
      { input: join(root, "nope.xlsx"), kind: "not-found" },
      { input: join(root, "empty"), kind: "empty-folder" },
    ]);
  });
});
