// main() and each command's edges, run in this process with memory streams: quick answers, help topics, exit
// codes, the template's default year, write failures, the self-evaluation's sheet names and counts.
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from "fs";
import { join } from "path";
import { checkFile, fileSheets, MAX_FILE_MB } from "../../src/cli/check-file";
import { main } from "../../src/cli/main";
import { ARG_ERRORS, CHECK_ZH, HELP, HELP_CHECK, HELP_TEMPLATE, TEMPLATE_MESSAGES } from "../../src/cli/messages";
import { CHECK_EN } from "../../src/cli/messages-en";
import { HELP_SELFEVAL, SELFEVAL_MESSAGES } from "../../src/cli/selfeval-messages";
import { readWorkbookGrids } from "../../src/cli/xlsx-read";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { sheetXml, xlsxBytes, zipBytes } from "../support/hostile-files";
import { REPO, tempDir, toCsv } from "./support";

jest.setTimeout(60_000);

const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;

async function run(argv: string[], now = new Date()): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, now: () => now });
  return { status, stdout, stderr };
}

describe("main: help and version", () => {
  it("answers version and help at once, each topic with its own text", async () => {
    expect(await run(["--version"])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(await run(["-v"])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(await run(["help"])).toEqual({ status: 0, stdout: HELP, stderr: "" });
    expect(await run(["-h"])).toEqual({ status: 0, stdout: HELP, stderr: "" });
    expect(await run(["--help", "check"])).toEqual({ status: 0, stdout: HELP_CHECK, stderr: "" });
    expect(await run(["help", "template"])).toEqual({ status: 0, stdout: HELP_TEMPLATE, stderr: "" });
    expect(await run(["help", "selfeval"])).toEqual({ status: 0, stdout: HELP_SELFEVAL, stderr: "" });
  });

  it("takes the long way for the same answers when more is given", async () => {
    expect(await run(["--version", "x"])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(await run(["check", "--help"])).toEqual({ status: 0, stdout: HELP_CHECK, stderr: "" });
    expect(await run(["template", "-h"])).toEqual({ status: 0, stdout: HELP_TEMPLATE, stderr: "" });
    expect(await run(["selfeval", "--help"])).toEqual({ status: 0, stdout: HELP_SELFEVAL, stderr: "" });
    expect(await run(["help", "check", "extra"])).toEqual({ status: 0, stdout: HELP_CHECK, stderr: "" });
    expect(await run(["help", "nothing"])).toEqual({ status: 2, stdout: "", stderr: `${ARG_ERRORS.helpTopic("nothing")}\n` });
    expect(await run(["-v", "-v", "-v"])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: "" });
  });
});

describe("check: exit codes and what goes where", () => {
  const dir = tempDir("jixiao-commands-");
  writeFileSync(join(dir, "good.csv"), toCsv(formGrid(GOOD_ROWS)));
  copyFileSync(join(REPO, "test/fixtures/seed.csv"), join(dir, "seed.csv"));

  it("exits 0 for a clean form and 1 for one with errors", async () => {
    expect((await run(["check", join(dir, "good.csv")])).status).toBe(0);
    expect((await run(["check", join(dir, "seed.csv")])).status).toBe(1);
  });

  it("exits 2 when any input is missing, even beside a form with errors, and still checks the rest", async () => {
    const r = await run(["check", join(dir, "seed.csv"), join(dir, "none.csv"), "--format", "json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${CHECK_ZH.inputProblems["not-found"](join(dir, "none.csv"))}\n`);
    const rules = (JSON.parse(r.stdout) as Array<{ rule: string; file: string }>).map((f) => f.rule);
    expect(rules[0]).toBe("file-unreadable");
    expect(rules.length).toBeGreaterThan(1);
  });

  it("names the other files of a folder once, with a sample, in the run's language", async () => {
    const folder = join(dir, "docs");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.docx"), "x");
    writeFileSync(join(folder, "b.pdf"), "x");
    copyFileSync(join(dir, "good.csv"), join(folder, "good.csv"));
    const zh = await run(["check", folder]);
    expect(zh.stderr).toBe(`${CHECK_ZH.report.others(2, `${folder}/a.docx`)}\n`);
    expect(zh.status).toBe(0);
    const en = await run(["check", folder, "--lang", "en"]);
    expect(en.stderr).toBe(`${CHECK_EN.report.others(2, `${folder}/a.docx`)}\n`);
  });

  it("writes an unreadable file's line on stderr, made safe for the terminal, and exits 2", async () => {
    const bad = join(dir, "坏\u001b[31m.xlsx");
    writeFileSync(bad, "PK\u0003\u0004 truncated");
    const r = await run(["check", bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${CHECK_ZH.unreadableLine(join(dir, "坏[31m.xlsx"), CHECK_ZH.unreadable.zip)}\n`);
    expect(r.stdout).toBe(`${CHECK_ZH.report.summary({ files: 1, withErrors: 0, errors: 0, warnings: 0, unreadable: 1, skipped: 0 })}\n`);
  });

  it("counts errors and warnings over files and sheets in the summary", async () => {
    const warned = formGrid(GOOD_ROWS);
    warned[14]![5] = "联系电话：6221234";
    writeFileSync(join(dir, "warned.csv"), toCsv(warned));
    const json = JSON.parse((await run(["check", join(dir, "seed.csv"), "--format", "json"])).stdout) as Array<{ severity: string }>;
    const errors = json.filter((f) => f.severity === "error").length;
    const warnings = json.length - errors;
    const r = await run(["check", join(dir, "seed.csv"), join(dir, "warned.csv"), join(dir, "good.csv")]);
    expect(r.stdout.trim().split("\n").at(-1)).toBe(
      CHECK_ZH.report.summary({ files: 3, withErrors: 1, errors, warnings: warnings + 1, unreadable: 0, skipped: 0 }),
    );
    expect(r.status).toBe(1);
  });
});

describe("fileSheets: why a file cannot be read", () => {
  const dir = tempDir("jixiao-filesheets-");
  const reason = async (name: string, bytes: Buffer | string, language: "zh" | "en" = "zh") => {
    writeFileSync(join(dir, name), bytes);
    const r = await fileSheets(join(dir, name), language);
    return r.ok ? null : r.reason;
  };

  it("names each kind of file that is not a workbook or a table", async () => {
    const ole = (stream: string) => {
      const b = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      Buffer.from(stream, "utf16le").copy(b, 1024);
      return b;
    };
    expect(await reason("e.csv", "")).toBe(CHECK_ZH.unreadable.empty);
    expect(await reason("p.xlsx", ole("EncryptedPackage"))).toBe(CHECK_ZH.unreadable.encrypted);
    expect(await reason("o.xls", ole("Workbook"))).toBe(CHECK_ZH.unreadable.xls);
    expect(await reason("w.xlsx", zipBytes([{ name: "word/document.xml", data: "x" }]))).toBe(CHECK_ZH.unreadable.docx);
    expect(await reason("s.xlsx", zipBytes([{ name: "ppt/presentation.xml", data: "x" }]))).toBe(CHECK_ZH.unreadable.pptx);
    expect(await reason("b.xlsx", zipBytes([{ name: "xl/workbook.bin", data: "x" }]))).toBe(CHECK_ZH.unreadable.xlsb);
    expect(await reason("z.xlsx", zipBytes([{ name: "a.txt", data: "x" }]))).toBe(CHECK_ZH.unreadable.zip);
    expect(await reason("d.csv", "%PDF-1.4")).toBe(CHECK_ZH.unreadable.pdf);
    expect(await reason("h.xls", "<html><table></table></html>")).toBe(CHECK_ZH.unreadable.html);
    expect(await reason("n.csv", Buffer.from([1, 0, 2]))).toBe(CHECK_ZH.unreadable.binary);
    expect(await reason("x.numbers", "a,b")).toBe(CHECK_ZH.unreadable.unsupported(".numbers"));
    expect(await reason("y.json", "a,b")).toBe(CHECK_ZH.unreadable.unsupported(".json"));
    expect(await reason("noext", "a,b")).toBe(CHECK_ZH.unreadable.unsupported(""));
    expect(await reason("n2.csv", Buffer.from([1, 0, 2]), "en")).toBe(CHECK_EN.unreadable.binary);
  });

  it("reads text tables named .csv, .tsv, .txt, .xls and .xlsx, the .tsv by tabs", async () => {
    for (const ext of [".csv", ".txt", ".xls", ".xlsx", ".TXT"]) {
      writeFileSync(join(dir, `t${ext}`), "a,b\tc\r\n");
      expect(await fileSheets(join(dir, `t${ext}`), "zh")).toEqual({ ok: true, source: "csv", sheets: [{ name: "t", grid: [["a", "b\tc"]] }] });
    }
    writeFileSync(join(dir, "t.tsv"), "a,b\tc\r\n");
    expect(await fileSheets(join(dir, "t.tsv"), "zh")).toEqual({ ok: true, source: "csv", sheets: [{ name: "t", grid: [["a,b", "c"]] }] });
  });

  it("refuses a file over 50 MB before reading it, takes one of exactly 50 MB, and names an I/O failure", async () => {
    const big = join(dir, "big.csv");
    writeFileSync(big, "");
    truncateSync(big, MAX_FILE_MB * 1024 * 1024 + 1);
    expect(await fileSheets(big, "zh")).toEqual({ ok: false, reason: CHECK_ZH.unreadable.tooLarge(50, 50) });
    truncateSync(big, MAX_FILE_MB * 1024 * 1024);
    expect(await fileSheets(big, "zh")).toEqual({ ok: false, reason: CHECK_ZH.unreadable.binary });
    truncateSync(big, Math.floor(80.6 * 1024 * 1024));
    expect(await fileSheets(big, "zh")).toEqual({ ok: false, reason: CHECK_ZH.unreadable.tooLarge(81, 50) });
    expect(await fileSheets(join(dir, "none.csv"), "zh")).toEqual({ ok: false, reason: CHECK_ZH.unreadable.io("ENOENT") });
    expect(await fileSheets(dir, "zh")).toEqual({ ok: false, reason: CHECK_ZH.unreadable.notRegular });
  });

  it("says what the guard and the reader found in a workbook", async () => {
    const xml = sheetXml([["x"]], { dimension: "A1:XFE1" });
    expect(await reason("dim.xlsx", xlsxBytes([{ name: "表", xml }]))).toBe(CHECK_ZH.unreadable.tooLargeOrOdd(CHECK_ZH.structure.dimension));
    expect(await reason("nowb.xlsx", zipBytes([{ name: "xl/workbook.xml.bak", data: "x" }, { name: "xl/workbooks", data: "x" }]))).toBe(
      CHECK_ZH.unreadable.corrupt(CHECK_ZH.structure["no-workbook"]),
    );
    // Values at opposite corners of a sheet-wide merge: a grid too large to hold.
    const spread = sheetXml([], {
      extraRows: '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="5000"><c r="A5000"><v>3</v></c></row>',
      merges: ["A1:XFD5000"],
    });
    expect(await reason("spread.xlsx", xlsxBytes([{ name: "表", xml: spread }]))).toBe(CHECK_ZH.unreadable.tooLargeOrOdd(CHECK_ZH.structure.grid));
  });
});

describe("checkFile: a file without a form", () => {
  it("reports form-not-found on the CSV's sheet, or on the whole workbook", async () => {
    const dir = tempDir("jixiao-noform-");
    writeFileSync(join(dir, "信.csv"), "关于报送的通知\r\n");
    const csv = await checkFile(join(dir, "信.csv"), DEFAULT_SETTINGS);
    expect(csv).toMatchObject({ kind: "checked", sheets: [{ sheet: "信", forms: 0, findings: [{ rule: "form-not-found" }] }] });
    writeFileSync(join(dir, "信.xlsx"), xlsxBytes([{ name: "通知", xml: sheetXml([["关于报送的通知"]]) }]));
    const xlsx = await checkFile(join(dir, "信.xlsx"), DEFAULT_SETTINGS);
    expect(xlsx).toMatchObject({ kind: "checked", sheets: [{ sheet: "", forms: 0, findings: [{ rule: "form-not-found" }] }] });
    expect(xlsx.kind === "checked" && xlsx.sheets).toHaveLength(1);
  });

  it("keeps only the sheets holding a form", async () => {
    const dir = tempDir("jixiao-sheets-");
    writeFileSync(join(dir, "两表.xlsx"), xlsxBytes([{ name: "说明", xml: sheetXml([["说明"]]) }, { name: "目标表", xml: sheetXml(formGrid(GOOD_ROWS)) }]));
    expect(await checkFile(join(dir, "两表.xlsx"), DEFAULT_SETTINGS)).toEqual({
      kind: "checked",
      file: join(dir, "两表.xlsx"),
      sheets: [{ sheet: "目标表", forms: 1, findings: [] }],
    });
  });
});

describe("template", () => {
  const dir = tempDir("jixiao-template-cmd-");

  it("takes next year from September on, this year before", async () => {
    const aug = await run(["template", "-o", join(dir, "aug.xlsx")], new Date(2026, 7, 31, 12));
    expect(aug).toEqual({ status: 0, stdout: `${TEMPLATE_MESSAGES.written(join(dir, "aug.xlsx"), 2026)}\n`, stderr: "" });
    const sep = await run(["template", "-o", join(dir, "sep.xlsx")], new Date(2026, 8, 1, 12));
    expect(sep.stdout).toBe(`${TEMPLATE_MESSAGES.written(join(dir, "sep.xlsx"), 2027)}\n`);
    const sheets = await readWorkbookGrids(readFileSync(join(dir, "sep.xlsx")));
    expect(sheets.map((s) => s.name)).toEqual(["2027年绩效目标表"]);
  });

  it("writes the unit's name into the header when given", async () => {
    await run(["template", "--dept", "某某局", "--year", "2028", "-o", join(dir, "dept.xlsx")]);
    const grid = (await readWorkbookGrids(readFileSync(join(dir, "dept.xlsx"))))[0]!.grid;
    expect(grid.some((row) => row.some((c) => String(c ?? "").includes("某某局")))).toBe(true);
    await run(["template", "--year", "2028", "-o", join(dir, "nodept.xlsx")]);
    const plain = (await readWorkbookGrids(readFileSync(join(dir, "nodept.xlsx"))))[0]!.grid;
    expect(plain.some((row) => row.some((c) => String(c ?? "").includes("某某局")))).toBe(false);
  });

  it("says the folder is missing when the output's folder is a file", async () => {
    writeFileSync(join(dir, "file"), "x");
    const r = await run(["template", "-o", join(dir, "file", "t.xlsx")]);
    expect(r).toEqual({ status: 2, stdout: "", stderr: `${TEMPLATE_MESSAGES.noFolder(join(dir, "file"))}\n` });
  });

  it("reports a failed write with its code, leaving what was there", async () => {
    mkdirSync(join(dir, "taken.xlsx"));
    expect(await run(["template", "-o", join(dir, "taken.xlsx")])).toEqual({ status: 2, stdout: "", stderr: `${TEMPLATE_MESSAGES.exists(join(dir, "taken.xlsx"))}\n` });
    const forced = await run(["template", "-o", join(dir, "taken.xlsx"), "--force"]);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toMatch(/^无法写入“.*taken\.xlsx”（E[A-Z]+）/);
  });
});

describe("selfeval", () => {
  const dir = tempDir("jixiao-selfeval-cmd-");
  const seed = join(REPO, "test/fixtures/seed-corrected.csv");

  it("names one sheet per target table, numbering repeats, and counts the indicators", async () => {
    // Two copies of the corrected seed side by side in one CSV: two target tables of the same year.
    const rows = readFileSync(seed, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "");
    writeFileSync(join(dir, "两张.csv"), [...rows, "", ...rows].join("\r\n"));
    const r = await run(["selfeval", join(dir, "两张.csv"), "-o", join(dir, "两张自评.xlsx")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${SELFEVAL_MESSAGES.written(join(dir, "两张自评.xlsx"), ["2026年自评", "2026年自评 (2)"], 14, 0)}\n`);
  });

  it("counts indicators whose standard gives no method to compute", async () => {
    writeFileSync(join(dir, "原.csv"), toCsv(formGrid(GOOD_ROWS)));
    const base = await run(["selfeval", join(dir, "原.csv"), "-o", join(dir, "原自评.xlsx")]);
    expect(base.stdout).toBe(`${SELFEVAL_MESSAGES.written(join(dir, "原自评.xlsx"), ["2027年自评"], 6, 1)}\n`);
    const grid = formGrid(GOOD_ROWS);
    const header = grid.findIndex((r) => r.includes("评（扣）分标准"));
    const col = grid[header]!.indexOf("评（扣）分标准");
    grid[header + 1]![col] = "酌情给分。";
    writeFileSync(join(dir, "手写.csv"), toCsv(grid));
    const r = await run(["selfeval", join(dir, "手写.csv"), "-o", join(dir, "手写自评.xlsx")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${SELFEVAL_MESSAGES.written(join(dir, "手写自评.xlsx"), ["2027年自评"], 6, 2)}\n`);
  });

  it("says why the input cannot be used, and where the output cannot go", async () => {
    expect(await run(["selfeval", join(dir, "无.csv"), "-o", join(dir, "o.xlsx")])).toEqual({
      status: 2,
      stdout: "",
      stderr: `${SELFEVAL_MESSAGES.unreadable(join(dir, "无.csv"), CHECK_ZH.unreadable.io("ENOENT"))}\n`,
    });
    expect((await run(["selfeval", seed, "-o", join(dir, "no", "o.xlsx")])).stderr).toBe(`${SELFEVAL_MESSAGES.noFolder(join(dir, "no"))}\n`);
    const published = join(REPO, "test/fixtures/selfeval-published-2022.csv");
    expect((await run(["selfeval", published, "-o", join(dir, "p.xlsx")])).stderr).toBe(`${SELFEVAL_MESSAGES.noForm(published)}\n`);
    mkdirSync(join(dir, "占.xlsx"));
    const forced = await run(["selfeval", seed, "-o", join(dir, "占.xlsx"), "--force"]);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toMatch(/^无法写入“.*占\.xlsx”（E[A-Z]+）/);
  });
});
