// The real `jixiao check`, run as a child process the way `npx jixiao` runs it (in-process in mutation runs).
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { parseCsv } from "../../src/cli/csv";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { encodeGbk } from "./gbk";
import { parseJsonFindings, REPO, rowOf, runCli, tempDir, toCsv, type CliResult, type JsonFinding } from "./support";

// The first run loads the whole checker (in mutation runs, into this process, on a busy machine).
jest.setTimeout(60_000);

const SEED_CSV = join(REPO, "test/fixtures/seed.csv");
const seedRows = () => parseCsv(readFileSync(SEED_CSV, "utf8").replace(/^\uFEFF/, ""));

function has(findings: readonly JsonFinding[], rule: string, row: number): boolean {
  return findings.some((f) => f.rule === rule && f.row === row);
}

describe("jixiao check on the seed form (SPEC section 6)", () => {
  let r: CliResult;
  let findings: JsonFinding[];
  beforeAll(async () => {
    r = await runCli(["check", "test/fixtures/seed.csv", "--format", "json"]);
    findings = parseJsonFindings(r.stdout);
  });
  const grid = seedRows();
  const rows = {
    quantity: rowOf(grid, "完成全年参保人数"),
    quality: rowOf(grid, "质量指标"),
    timeliness: rowOf(grid, "时效指标"),
    social: rowOf(grid, "社会效益指标"),
    sustainable: rowOf(grid, "可持续影响指标"),
    cost: rowOf(grid, "经济成本指标"),
  };

  it("exits 1 and prints one JSON array of findings with file and sheet filled in", () => {
    expect(r.status).toBe(1);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(["cell", "file", "message", "row", "rule", "severity", "sheet"]);
      expect(f).toMatchObject({ file: "test/fixtures/seed.csv", sheet: "seed" });
      expect(f.cell).toMatch(new RegExp(`^[A-Z]+${f.row}$`));
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("reports every mistake of the seed at its row", () => {
    expect(has(findings, "explanation-unrelated", rows.quantity)).toBe(true);
    expect(has(findings, "level3-duplicate", rows.quality)).toBe(true);
    expect(has(findings, "level3-duplicate", rows.timeliness)).toBe(true);
    expect(has(findings, "timeliness-not-time", rows.timeliness)).toBe(true);
    expect(has(findings, "explanation-unrelated", rows.quality)).toBe(true);
    expect(has(findings, "explanation-unrelated", rows.timeliness)).toBe(true);
    expect(has(findings, "level2-mismatch", rows.social)).toBe(true);
    expect(has(findings, "row-shifted", rows.social)).toBe(true);
    expect(has(findings, "row-shifted", rows.sustainable)).toBe(true);
    expect(has(findings, "row-shifted", rows.cost)).toBe(true);
  });

  it("does not report what is right: the points add up to 90, and the satisfaction row is fine", () => {
    expect(findings.some((f) => f.rule === "score-total")).toBe(false);
    expect(findings.some((f) => f.rule === "form-not-found")).toBe(false);
    const satisfaction = rowOf(grid, "群众满意度");
    expect(findings.filter((f) => f.row === satisfaction && f.severity === "error")).toEqual([]);
  });

  it("lists errors before warnings", () => {
    const firstWarning = findings.findIndex((f) => f.severity === "warning");
    const lastError = findings.map((f) => f.severity).lastIndexOf("error");
    expect(lastError).toBeLessThan(firstWarning === -1 ? Infinity : firstWarning);
  });

  it("prints text grouped by file with counts, errors first", async () => {
    const t = await runCli(["check", "test/fixtures/seed.csv"]);
    expect(t.status).toBe(1);
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    expect(t.stdout).toContain("文件：test/fixtures/seed.csv");
    expect(t.stdout).toContain(`工作表「seed」：${errors} 个错误，${warnings} 个警告`);
    expect(t.stdout).toContain(`共检查 1 个文件：1 个文件有错误；${errors} 个错误，${warnings} 个警告。`);
    const lines = t.stdout.split("\n");
    const lastErrorLine = lines.map((l) => l.trim().startsWith("错误")).lastIndexOf(true);
    const firstWarningLine = lines.findIndex((l) => l.trim().startsWith("警告"));
    expect(lastErrorLine).toBeGreaterThan(0);
    expect(firstWarningLine).toBeGreaterThan(lastErrorLine);
  });

  it("reads the same table saved in GBK and finds the same", async () => {
    const dir = tempDir();
    const gbk = join(dir, "seed.csv");
    writeFileSync(gbk, encodeGbk(toCsv(grid)));
    const g = await runCli(["check", gbk, "--format", "json"]);
    expect(g.status).toBe(1);
    const strip = (fs: JsonFinding[]) => fs.map(({ file: _f, ...rest }) => rest);
    expect(strip(parseJsonFindings(g.stdout))).toEqual(strip(findings));
  });
});

describe("jixiao check on correct tables", () => {
  it("exits 0 for the corrected seed", async () => {
    const r = await runCli(["check", "test/fixtures/seed-corrected.csv", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(parseJsonFindings(r.stdout).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("exits 0 for a corrected table, as CSV and as .xlsx", async () => {
    const dir = tempDir();
    const grid = formGrid(GOOD_ROWS);
    writeFileSync(join(dir, "good.csv"), toCsv(grid));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("2027年");
    grid.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v === "" ? null : (v ?? null))));
    await wb.xlsx.writeFile(join(dir, "good.xlsx"));
    const r = await runCli(["check", "good.csv", "good.xlsx", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    expect(parseJsonFindings(r.stdout).filter((f) => f.severity === "error")).toEqual([]);
    expect(r.status).toBe(0);
  });

  it("exits 0 for a table with warnings only, and still prints the warnings (README: 0 没有错误（可能有警告）)", async () => {
    const dir = tempDir();
    const grid = formGrid(GOOD_ROWS);
    grid[14]![5] = "联系电话：6221234"; // phone-invalid is a warning
    writeFileSync(join(dir, "warned.csv"), toCsv(grid));
    const r = await runCli(["check", "warned.csv", "--format", "json"], dir);
    const findings = parseJsonFindings(r.stdout);
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`)).toEqual(["warning phone-invalid F15"]);
    expect(r.status).toBe(0);
  });

  it("reads a UTF-16 big-endian CSV as text, not as a binary file", async () => {
    const dir = tempDir();
    const grid = formGrid(GOOD_ROWS);
    grid[14]![5] = "联系电话：6221234";
    const be = Buffer.from(toCsv(grid), "utf16le").swap16();
    writeFileSync(join(dir, "be.csv"), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const r = await runCli(["check", "be.csv", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    expect(parseJsonFindings(r.stdout).map((f) => `${f.rule} ${f.cell}`)).toEqual(["phone-invalid F15"]);
    expect(r.status).toBe(0);
  });

  it("applies --total to the score total", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "good.csv"), toCsv(formGrid(GOOD_ROWS)));
    const at90 = parseJsonFindings((await runCli(["check", "good.csv", "--format", "json"], dir)).stdout);
    const at100 = parseJsonFindings((await runCli(["check", "good.csv", "--format", "json", "--total", "100"], dir)).stdout);
    expect(at90.some((f) => f.rule === "score-total")).toBe(false);
    expect(at100.some((f) => f.rule === "score-total")).toBe(true);
  });

  it("--lang en writes the messages in English: same rules, rows and cells as in Chinese", async () => {
    const zh = parseJsonFindings((await runCli(["check", "test/fixtures/seed.csv", "--format", "json"])).stdout);
    const en = parseJsonFindings((await runCli(["check", "test/fixtures/seed.csv", "--format", "json", "--lang", "en"])).stdout);
    expect(en.map((f) => [f.rule, f.cell, f.row, f.severity])).toEqual(zh.map((f) => [f.rule, f.cell, f.row, f.severity]));
    expect(en.length).toBeGreaterThan(5);
    for (const f of en) expect(f.message.replace(/"[^"]*"/g, "")).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    const dir = tempDir();
    writeFileSync(join(dir, "empty.csv"), "nothing,here\n");
    const none = parseJsonFindings((await runCli(["check", "empty.csv", "--format", "json", "--lang", "en"], dir)).stdout);
    expect(none.map((f) => [f.rule, f.message.startsWith("No performance target form")])).toEqual([["form-not-found", true]]);
  });
});

describe("jixiao check --lang en, text report", () => {
  const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
  const outsideQuotes = (line: string) => line.replace(/"[^"]*"/g, "").replace(/“[^“”]*”/g, "");

  it("writes headings, finding lines and the summary in English, with the same counts as in Chinese", async () => {
    const zh = parseJsonFindings((await runCli(["check", "test/fixtures/seed.csv", "--format", "json"])).stdout);
    const errors = zh.filter((f) => f.severity === "error").length;
    const warnings = zh.length - errors;
    const t = await runCli(["check", "test/fixtures/seed.csv", "--lang", "en"]);
    expect(t.status).toBe(1);
    const lines = t.stdout.split("\n");
    expect(lines[0]).toBe("File: test/fixtures/seed.csv");
    expect(lines[1]).toBe(`  Sheet "seed": ${errors} errors, ${warnings} warnings`);
    const findingLines = lines.filter((l) => /^ {4}(error|warning) /.test(l));
    expect(findingLines).toHaveLength(zh.length);
    // Same order, cells and rules as the Chinese run; only the words differ.
    expect(findingLines.map((l) => l.match(/^ {4}(error|warning)\s+(\S+)\s.*\(([a-z0-9-]+)\)$/)?.slice(1))).toEqual(
      zh.map((f) => [f.severity, f.cell, f.rule]),
    );
    expect(t.stdout).toContain(`Checked 1 file: 1 with errors; ${errors} errors, ${warnings} warnings.`);
    for (const l of lines) expect(outsideQuotes(l)).not.toMatch(CJK);
    expect(t.stderr).toBe("");
  });

  it("says when a file has no problems", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "good.csv"), toCsv(formGrid(GOOD_ROWS)));
    const t = await runCli(["check", "good.csv", "--lang", "en"], dir);
    expect(t.status).toBe(0);
    expect(t.stdout).toBe(`File: good.csv\n  Sheet "good": no problems found\n\nChecked 1 file: 0 with errors; no problems found.\n`);
  });

  it("explains unreadable files and missing inputs in English, and counts them in the summary", async () => {
    const dir = tempDir();
    copyFileSync(SEED_CSV, join(dir, "seed.csv"));
    writeFileSync(join(dir, "broken.xlsx"), Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(200, 7)]));
    writeFileSync(join(dir, "empty.csv"), "");
    const t = await runCli(["check", ".", "missing.xlsx", "--lang", "en"], dir);
    expect(t.status).toBe(2);
    expect(t.stderr).toContain(`"missing.xlsx" not found: no such file or folder.`);
    expect(t.stderr).toMatch(/Cannot read "[^"]*broken\.xlsx": The file is damaged/);
    expect(t.stderr).toMatch(/Cannot read "[^"]*empty\.csv": The file is empty \(0 bytes\)/);
    for (const l of t.stderr.split("\n")) expect(outsideQuotes(l)).not.toMatch(CJK);
    expect(t.stdout).toMatch(
      /Checked 3 files: 1 with errors; \d+ errors, \d+ warnings; 2 could not be read; 1 folder or path could not be scanned \(reasons above\)\.\n$/,
    );
    // The Chinese run of the same folder keeps its Chinese texts.
    const zh = await runCli(["check", ".", "missing.xlsx"], dir);
    expect(zh.stderr).toContain("找不到“missing.xlsx”");
    expect(zh.stdout).toMatch(/共检查 3 个文件：1 个文件有错误；.*；2 个文件无法读取；1 处文件夹或路径未能检查（原因见上）。\n$/);
  });
});

describe("jixiao arguments", () => {
  it("exits 2 with a Chinese message for bad arguments and unknown commands", async () => {
    for (const args of [["check"], ["check", "a.csv", "--format", "xml"], ["check", "a.csv", "--total", "x"], ["frobnicate"], []]) {
      const r = await runCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stdout).toBe("");
    }
  });

  it("prints help in Chinese and exits 0", async () => {
    for (const args of [["--help"], ["help"], ["check", "--help"], ["help", "template"]]) {
      const r = await runCli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("用法");
    }
    expect((await runCli(["check", "--help"])).stdout).toMatch(/--lang\s+检查结果说明.*zh.*en/);
    expect((await runCli(["--help"])).stdout).toContain("[--lang zh|en]");
  });

  it("exits 2 for a missing file and says which", async () => {
    const r = await runCli(["check", "没有这个文件.xlsx"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("找不到“没有这个文件.xlsx”");
  });
});

describe("jixiao check over a folder with a broken file", () => {
  const dir = tempDir();
  copyFileSync(SEED_CSV, join(dir, "县工伤保险服务中心.csv"));
  mkdirSync(join(dir, "二季度"));
  writeFileSync(join(dir, "二季度", "县就业服务中心.csv"), toCsv(formGrid(GOOD_ROWS)));
  // a zip that is not a workbook (truncated download)
  writeFileSync(join(dir, "损坏.xlsx"), Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(200, 7)]));
  // a password-protected workbook is an OLE compound file holding an EncryptedPackage stream
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1024);
  writeFileSync(join(dir, "加密.xlsx"), ole);
  const legacy = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(legacy);
  Buffer.from("Workbook", "utf16le").copy(legacy, 1024);
  writeFileSync(join(dir, "二季度", "旧格式.xls"), legacy);
  writeFileSync(join(dir, "~$县工伤保险服务中心.xlsx"), "lock"); // Excel's lock file: skipped
  writeFileSync(join(dir, "说明.docx"), "not scanned");

  it("checks the others, explains each unreadable file on stderr, and exits 2", async () => {
    const r = await runCli(["check", dir, "--format", "json"]);
    expect(r.status).toBe(2);
    const findings = parseJsonFindings(r.stdout);
    const files = new Set(findings.map((f) => f.file));
    expect(files).toContain(join(dir, "县工伤保险服务中心.csv"));
    expect(findings.some((f) => f.file.endsWith("县工伤保险服务中心.csv") && f.rule === "level2-mismatch")).toBe(true);
    expect([...files].some((f) => /~\$/.test(f))).toBe(false);
    // Unreadable files are findings in the JSON too, with the reason as the message.
    const unreadable = findings.filter((f) => f.rule === "file-unreadable");
    expect(unreadable.map((f) => f.file.slice(dir.length + 1)).sort()).toEqual(["二季度/旧格式.xls", "加密.xlsx", "损坏.xlsx"].sort());
    expect(unreadable.find((f) => f.file.endsWith("加密.xlsx"))).toMatchObject({ severity: "error", message: expect.stringMatching(/^文件设置了打开密码/) as unknown });
    expect(r.stderr).toMatch(/无法读取“[^”]*损坏\.xlsx”：文件已损坏/);
    expect(r.stderr).toMatch(/无法读取“[^”]*加密\.xlsx”：文件设置了打开密码/);
    expect(r.stderr).toMatch(/无法读取“[^”]*旧格式\.xls”：这是旧版 Excel 97-2003 格式/);
    expect(r.stderr).not.toContain("~$");
    expect(r.stderr).toMatch(/另有 1 个非表格文件未检查（如“[^”]*说明\.docx”）。/);
  });

  it("counts the unreadable files in the text summary", async () => {
    const r = await runCli(["check", dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/共检查 5 个文件：1 个文件有错误；.*；3 个文件无法读取/);
  });

  it("expands a quoted glob itself", async () => {
    const r = await runCli(["check", `${dir}/**/*.csv`, "--format", "json"]);
    expect(r.status).toBe(1);
    const files = new Set(parseJsonFindings(r.stdout).map((f) => f.file));
    expect([...files].every((f) => f.endsWith(".csv"))).toBe(true);
    expect(r.stderr).toBe("");
  });
});

describe("progress on stderr for large batches", () => {
  it("reports progress when more than 20 files are checked", async () => {
    const dir = tempDir();
    const csv = toCsv(formGrid(GOOD_ROWS));
    for (let i = 1; i <= 25; i++) writeFileSync(join(dir, `单位${String(i).padStart(2, "0")}.csv`), csv);
    const r = await runCli(["check", dir, "--format", "json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("已检查 25/25 个文件");
    expect(JSON.parse(r.stdout)).toEqual(expect.any(Array));
  });
});
