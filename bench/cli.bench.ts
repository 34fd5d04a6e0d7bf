// `jixiao check` over a batch: 200 generated workbooks of 20 indicator rows, checked in one run of the real
// command line (child process), with its peak memory; a 50-workbook run shows memory does not grow with the batch.
// `hostile`: time and peak memory for zip bombs and huge CSV files, one run each.

import { spawn } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildTemplateWorkbook } from "../src/cli/template";
import type { IndicatorField } from "../src/domain/form";
import { TEMPLATE } from "../src/domain/layout";
import { LEVEL1_NAMES, LEVEL2_BY_LEVEL1 } from "../src/domain/taxonomy";
import { toCsv } from "../test/cli/support";
import { formGrid, GOOD_ROWS } from "../test/support/form-grid";
import { emptyRowsXml, sheetXml, xlsxBytes } from "../test/support/hostile-files";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildCli = require("../bin/build-cli.js") as () => void;

export const key = "cli";

const WORKBOOKS = 200;
const SMALL_BATCH = 50;
const ROWS = 20;
const BIN = join(__dirname, "../bin/jixiao.js");

type RowValues = Partial<Record<IndicatorField, string | number>>;

/** Row i of workbook w: plausible indicators, with a mistake now and then so that rules fire. */
function rowValues(w: number, i: number): { level1: string; level2: string; values: RowValues } {
  const level1 = LEVEL1_NAMES[Math.min(3, Math.floor((i * 4) / ROWS))] as (typeof LEVEL1_NAMES)[number];
  const level2s = LEVEL2_BY_LEVEL1[level1];
  const level2 = level2s[i % level2s.length] as string;
  const n = w * ROWS + i;
  const values: RowValues = {
    level3: `第${i + 1}项服务完成数量${w}`,
    valueType: level1 === "成本指标" ? "≤" : "≥",
    target: 100 + (n % 50),
    unit: level1 === "成本指标" ? "万元" : "个",
    explanation: `第${i + 1}项服务完成数量的统计口径与计算方法。`,
    scoringStandard: `完成目标得${i < 10 ? 5 : 4}分，每低于目标10%扣1分，扣完为止。`,
  };
  if (n % 7 === 0) values.target = `≥${values.target}${String(values.unit)}`; // value-not-number
  if (n % 11 === 0) values.valueType = "定量"; // value-type-invalid
  return { level1, level2, values };
}

async function writeWorkbook(file: string, w: number): Promise<void> {
  const rows = Array.from({ length: ROWS }, (_, i) => rowValues(w, i));
  const { workbook, sheet, drawing } = buildTemplateWorkbook({
    year: 2027,
    deptName: `第${w}号单位`,
    rows: rows.map((r, i) => ({ level1: i > 0 && rows[i - 1]?.level1 === r.level1 ? "" : r.level1, level2: r.level2 })),
  });
  rows.forEach((r, i) => {
    for (const [field, v] of Object.entries(r.values)) {
      sheet.getCell(drawing.indicatorRows.first + i + 1, TEMPLATE.columns[field as IndicatorField] + 1).value = v;
    }
  });
  // Offices merge each level-1 block.
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i]?.level1 !== rows[start]?.level1) {
      if (i - 1 > start) {
        const top = drawing.indicatorRows.first + start + 1;
        sheet.mergeCells(top, TEMPLATE.columns.level1 + 1, top + (i - 1 - start), TEMPLATE.columns.level1 + 1);
      }
      start = i;
    }
  }
  sheet.getCell(TEMPLATE.headerRows.duties + 1, 2).value = "负责本单位各项公共服务。";
  sheet.getCell(TEMPLATE.headerRows.goals + 1, 2).value = "完成年度各项服务目标。";
  await workbook.xlsx.writeFile(file);
}

/** Preloaded into the CLI: prints its peak resident memory (workers included) at exit. */
const PROBE = `process.on("exit", () => {
  let kb = process.resourceUsage().maxRSS;
  try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]); } catch {}
  process.stderr.write("JIXIAO_MAXRSS_KB=" + kb + "\\n");
});
`;

interface ChildRun {
  ms: number;
  exitCode: number | null;
  peakRssMB: number;
  stdoutBytes: number;
}

/** One run of the real bin; a preloaded snippet reports the process's peak resident memory at exit. */
function runCli(args: readonly string[], probe: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--require", probe, BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdoutBytes = 0;
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdoutBytes += b.length));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const m = /JIXIAO_MAXRSS_KB=(\d+)/.exec(stderr);
      if (!m?.[1]) return reject(new Error(`no memory report from the child: ${stderr.slice(0, 500)}`));
      resolve({ ms, exitCode, peakRssMB: Math.round(Number(m[1]) / 102.4) / 10, stdoutBytes });
    });
  });
}

/** Hostile inputs made here (see test/support/hostile-files.ts): each must stay ≤ 1 GB and ≤ 30 s. */
async function hostile(dir: string, probe: string): Promise<Record<string, unknown>> {
  const form = formGrid(GOOD_ROWS);
  const seed = readFileSync(join(__dirname, "../test/fixtures/seed.csv"), "utf8");
  const rows = seed.split(/\r?\n/).slice(6, 12).join("\r\n") + "\r\n";
  const big: string[] = [seed];
  for (let size = 0, i = 0; size < 50 * 1024 * 1024 - 100_000; i++) {
    const block = rows.replace(/参保人数/g, `参保人数${i}`);
    big.push(block);
    size += Buffer.byteLength(block);
  }
  const inputs: Record<string, () => Buffer> = {
    /** 9 KB: one merge from row 40 to Excel's last cell. */
    mergeBomb: () => xlsxBytes([{ name: "表", xml: sheetXml(form, { merges: ["A40:XFD1048576"] }) }]),
    /** A form, then 49 MB of blank lines. */
    blankLineCsv: () => Buffer.concat([Buffer.from(toCsv(form)), Buffer.alloc(49 * 1024 * 1024, "\n")]),
    /** 10 million empty styled cells in a few hundred KB. */
    emptyCellBomb: () => xlsxBytes([{ name: "表", xml: sheetXml(form, { extraRows: emptyRowsXml(form.length, 1_000_000, 10) }) }]),
    /** 50 MB of real indicator rows. */
    csv50MB: () => Buffer.from(big.join("")),
  };
  const out: Record<string, unknown> = {};
  let within = true;
  for (const [name, make] of Object.entries(inputs)) {
    const file = join(dir, `${name}${name.toLowerCase().includes("csv") ? ".csv" : ".xlsx"}`);
    const bytes = make();
    writeFileSync(file, bytes);
    const r = await runCli(["check", file, "--format", "json"], probe);
    rmSync(file);
    out[name] = { fileMB: Math.round(bytes.length / 1024 / 10.24) / 100, ms: Math.round(r.ms), peakRssMB: r.peakRssMB, exitCode: r.exitCode };
    within &&= r.ms <= 30_000 && r.peakRssMB <= 1024 && r.exitCode !== null && r.exitCode <= 2;
  }
  return { ...out, budget: { ms: 30_000, peakRssMB: 1024 }, withinBudget: within };
}

export async function run(): Promise<Record<string, unknown>> {
  buildCli(); // the bin runs the compiled lib/
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-cli-"));
  try {
    const small = join(dir, "a");
    const rest = join(dir, "b");
    mkdirSync(small);
    mkdirSync(rest);
    for (let w = 0; w < WORKBOOKS; w++) {
      await writeWorkbook(join(w < SMALL_BATCH ? small : rest, `单位${String(w).padStart(3, "0")}.xlsx`), w);
    }
    const probe = join(dir, "probe.js");
    // VmHWM: this process image's own peak (getrusage's maxRSS carries over the bench's size through fork and exec).
    writeFileSync(probe, PROBE);

    await runCli(["check", join(small, "单位000.xlsx"), "--format", "json"], probe); // warm the compile cache
    const startup = await runCli(["check", join(small, "单位000.xlsx"), "--format", "json"], probe);
    const fifty = await runCli(["check", small, "--format", "json"], probe);
    const all = await runCli(["check", dir, "--format", "json"], probe);
    if (all.exitCode !== 1 || all.stdoutBytes === 0) throw new Error(`unexpected exit ${String(all.exitCode)} for the batch`);

    const perWorkbook = (all.ms - startup.ms) / (WORKBOOKS - 1);
    return {
      msPerWorkbook: Math.round((all.ms / WORKBOOKS) * 10) / 10,
      workbooks: WORKBOOKS,
      rowsPerWorkbook: ROWS,
      peakRssMB: all.peakRssMB,
      totalMs: Math.round(all.ms),
      /** One workbook, start to exit: node, the compiled modules, exceljs. */
      startupMs: Math.round(startup.ms),
      msPerWorkbookExcludingStartup: Math.round(perWorkbook * 10) / 10,
      memory: {
        [`peakRssMB_${SMALL_BATCH}`]: fifty.peakRssMB,
        [`peakRssMB_${WORKBOOKS}`]: all.peakRssMB,
        growthMB: Math.round((all.peakRssMB - fifty.peakRssMB) * 10) / 10,
      },
      budgetMsPerWorkbook: 50,
      withinBudget: all.ms / WORKBOOKS < 50,
      hostile: await hostile(dir, probe),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
