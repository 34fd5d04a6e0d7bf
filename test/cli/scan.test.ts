// Folder scans say what they skip: every file met is checked or reported, and any skip makes the exit code 2.
import { execFileSync } from "child_process";
import { mkdirSync, symlinkSync, writeFileSync, type Dirent } from "fs";
import { join } from "path";
import { expandInputs, NODE_SCAN_FS } from "../../src/cli/files";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { zipBytes } from "../support/hostile-files";
import { parseJsonFindings, runCli, tempDir, toCsv } from "./support";

// The first run loads the whole checker (in mutation runs, into this process, on a busy machine).
jest.setTimeout(60_000);

const GOOD = toCsv(formGrid(GOOD_ROWS));

describe("expandInputs reports what it cannot scan", () => {
  it("lists a file and a link to it once", () => {
    const root = tempDir();
    writeFileSync(join(root, "a.csv"), GOOD);
    symlinkSync(join(root, "a.csv"), join(root, "b.csv"));
    expect(expandInputs([root]).files).toEqual([`${root}/a.csv`]);
  });

  it("names a subfolder it cannot open (EACCES) and keeps the files it can", () => {
    const root = tempDir();
    mkdirSync(join(root, "locked"));
    writeFileSync(join(root, "locked", "a.csv"), GOOD);
    writeFileSync(join(root, "b.csv"), GOOD);
    const denying = {
      ...NODE_SCAN_FS,
      readdir(dir: string): Dirent[] {
        if (dir.endsWith("locked")) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
        return NODE_SCAN_FS.readdir(dir);
      },
    };
    const r = expandInputs([root], denying);
    expect(r.files).toEqual([`${root}/b.csv`]);
    expect(r.problems).toEqual([{ input: `${root}/locked`, kind: "unreadable-folder" }]);
  });
});

describe("jixiao check over a folder with links, pipes and other formats", () => {
  const dir = tempDir();
  const outside = tempDir();
  writeFileSync(join(outside, "外部.csv"), GOOD);
  writeFileSync(join(dir, "good.csv"), GOOD);
  mkdirSync(join(dir, "sub"));
  writeFileSync(
    join(dir, "sub", "报表.ods"),
    zipBytes([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
      { name: "content.xml", data: "<office:document-content/>" },
    ]),
  );
  writeFileSync(join(dir, "sub", "报表.xlsb"), zipBytes([{ name: "xl/workbook.bin", data: Buffer.alloc(10) }]));
  symlinkSync(join(outside, "外部.csv"), join(dir, "链接.csv"));
  symlinkSync(join(dir, "nowhere.xlsx"), join(dir, "断链.xlsx"));
  symlinkSync(dir, join(dir, "sub", "回环"));
  execFileSync("mkfifo", [join(dir, "管道.csv")]);

  it("checks linked files once, reports each other file it cannot read, and exits 2 (JSON)", async () => {
    const r = await runCli(["check", ".", "--format", "json"], dir);
    expect(r.status).toBe(2);
    const findings = parseJsonFindings(r.stdout);
    const unreadable = Object.fromEntries(
      findings.filter((f) => f.rule === "file-unreadable").map((f) => [f.file, f.message]),
    );
    expect(Object.keys(unreadable).sort()).toEqual(
      ["./sub/报表.ods", "./sub/报表.xlsb", "./sub/回环", "./断链.xlsx", "./管道.csv"].sort(),
    );
    expect(unreadable["./sub/报表.ods"]).toMatch(/^这是 OpenDocument 表格（\.ods）.*请在 Excel 或 WPS 中另存为 \.xlsx/);
    expect(unreadable["./sub/报表.xlsb"]).toMatch(/请在 Excel 或 WPS 中另存为 \.xlsx/);
    expect(unreadable["./断链.xlsx"]).toMatch(/符号链接/);
    expect(unreadable["./管道.csv"]).toMatch(/不是普通文件/);
    expect(findings.some((f) => f.file === "./链接.csv")).toBe(false); // followed and checked: a clean form
    expect(r.stderr).toContain("无法读取“./sub/报表.ods”");
  }, 60_000);

  it("never says 未发现问题 beside files it could not read", async () => {
    const r = await runCli(["check", "."], dir);
    expect(r.status).toBe(2);
    const summary = r.stdout.trim().split("\n").pop() as string;
    expect(summary).toBe(
      "共检查 5 个文件：0 个文件有错误；0 个错误，0 个警告；3 个文件无法读取；2 处文件夹或路径未能检查（原因见上）。",
    );
  }, 60_000);

  it("says an empty folder was not checked, without 未发现问题", async () => {
    const empty = tempDir();
    const r = await runCli(["check", empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("里没有 .xlsx 或 .csv 文件");
    expect(r.stdout).not.toContain("未发现问题");
  });
});

describe("jixiao check never blocks on what is not a regular file", () => {
  it("skips a FIFO named on the command line instead of waiting on it", async () => {
    const dir = tempDir();
    execFileSync("mkfifo", [join(dir, "pipe.csv")]);
    writeFileSync(join(dir, "good.csv"), toCsv(formGrid(GOOD_ROWS)));
    const r = await runCli(["check", "pipe.csv", "good.csv"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法读取“pipe.csv”：这不是普通文件（而是管道、设备或套接字），已跳过。");
    expect(r.stdout).toContain("文件：good.csv");
  }, 30_000);
});
