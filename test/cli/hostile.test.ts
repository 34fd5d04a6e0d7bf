// Hostile inputs, made here at test time: each used to crash the batch, hang, or take gigabytes.
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import { join } from "path";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { emptyRowsXml, sheetXml, xlsxBytes } from "../support/hostile-files";
import { BIN, parseJsonFindings, tempDir, toCsv } from "./support";

const GB = 1024 * 1024 * 1024;

/** The real CLI with its peak resident memory (bytes) reported at exit. */
function runMeasured(args: readonly string[], cwd: string) {
  const probe = join(cwd, "probe.js");
  writeFileSync(
    probe,
    "process.on('exit',()=>process.stderr.write('MAXRSS_KB='+process.resourceUsage().maxRSS+'\\n'));\n",
  );
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--require", probe, BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, rss: kb * 1024, ms: Date.now() - started };
}

const form = formGrid(GOOD_ROWS);

describe("jixiao check survives hostile workbooks", () => {
  it("reads a 9 KB workbook merging A40:XFD1048576 as the form it holds, in bounded memory, beside a good file", () => {
    const dir = tempDir();
    const bomb = xlsxBytes([{ name: "表", xml: sheetXml(form, { merges: ["A1:H1", "A40:XFD1048576"] }) }]);
    expect(bomb.length).toBeLessThan(20_000);
    writeFileSync(join(dir, "merge-bomb.xlsx"), bomb);
    writeFileSync(join(dir, "good.csv"), toCsv(form));
    const r = runMeasured(["check", ".", "--format", "json"], dir);
    expect(r.status).toBe(0);
    const findings = parseJsonFindings(r.stdout);
    expect(findings.filter((f) => f.rule === "form-not-found")).toEqual([]);
    expect(r.rss).toBeLessThan(GB);
  }, 120_000);

  it("drops a million empty rows with styled cells before parsing: the form is checked, memory stays bounded", () => {
    const dir = tempDir();
    const xml = sheetXml(form, { extraRows: emptyRowsXml(form.length + 5, 800_000, 2) });
    writeFileSync(join(dir, "rows.xlsx"), xlsxBytes([{ name: "表", xml }]));
    const r = runMeasured(["check", "rows.xlsx", "--format", "json"], dir);
    expect(r.stderr).not.toContain("无法读取");
    expect(r.status).toBe(0);
    expect(parseJsonFindings(r.stdout)).toEqual([]);
    expect(r.rss).toBeLessThan(GB);
  }, 120_000);

  it("skips a sheet part that unpacks beyond the cap, from the zip directory alone, and checks the rest", () => {
    const dir = tempDir();
    const xml = sheetXml(form, { extraRows: emptyRowsXml(form.length, 1_200_000, 3) }); // > 64 MB of empty cells
    writeFileSync(join(dir, "a-bomb.xlsx"), xlsxBytes([{ name: "表", xml }]));
    writeFileSync(join(dir, "b-good.csv"), toCsv(form));
    const r = runMeasured(["check", "."], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法读取“./a-bomb.xlsx”：文件过大或结构异常，已跳过（有部件解开后超过 64 MB）");
    expect(r.stdout).toContain("文件：./b-good.csv");
    expect(r.stdout).toMatch(/共检查 2 个文件/);
    expect(r.rss).toBeLessThan(GB);
  }, 120_000);

  it("calls a part that unpacks to more than it declares damaged, without unpacking it all", () => {
    const dir = tempDir();
    const xml = sheetXml(form, { extraRows: emptyRowsXml(form.length, 300_000) });
    const bytes = xlsxBytes([{ name: "表", xml }], { declaredSizes: { "xl/worksheets/sheet1.xml": 5000 } });
    writeFileSync(join(dir, "lying.xlsx"), bytes);
    const r = runMeasured(["check", "lying.xlsx"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("文件已损坏，无法按 .xlsx 格式读取（有部件无法解压或大小与声明不符）");
  }, 60_000);

  it("reads a sheet declaring a range beyond Excel's limits as abnormal", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "dim.xlsx"),
      xlsxBytes([{ name: "表", xml: sheetXml(form, { dimension: "A1:XFE2000000" }) }]),
    );
    const r = runMeasured(["check", "dim.xlsx"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("文件过大或结构异常，已跳过（工作表声明的范围超出 Excel 的 1048576 行、16384 列）");
  });
});

describe("jixiao check survives hostile CSV", () => {
  it("checks a form followed by 49 MB of blank lines in bounded memory and time", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "blank.csv"),
      Buffer.concat([Buffer.from(toCsv(form)), Buffer.alloc(49 * 1024 * 1024, "\n")]),
    );
    const r = runMeasured(["check", "blank.csv", "--format", "json"], dir);
    expect(r.status).toBe(0);
    expect(parseJsonFindings(r.stdout)).toEqual([]);
    expect(r.rss).toBeLessThan(GB);
  }, 120_000);
});
