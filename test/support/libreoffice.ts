// LibreOffice Calc, headless, as a real spreadsheet engine for tests: recalculate a workbook and read every
// sheet back as CSV, or print it to PDF. Used by the native-rules agreement test and the CLI tests.

import { execFile } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import type ExcelJS from "exceljs";

/**
 * The CSV export filter: comma, double quote, UTF-8, values (not "as shown"), no formulas, every sheet
 * (the last token, -1) into its own file named `<base>-<sheet>.csv`.
 */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

const CANDIDATES = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"];

/** Path of the soffice binary ($SOFFICE first), or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const p of CANDIDATES) if (existsSync(p)) return p;
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "soffice"))) return join(dir, "soffice");
  }
  return null;
}

/** soffice, or an error saying how to install it (tests must fail, not skip, without it). */
export function requireSoffice(): string {
  const p = findSoffice();
  if (!p) {
    throw new Error(
      "LibreOffice (soffice) was not found. Install it (Debian/Ubuntu: apt-get install libreoffice-calc-nogui, " +
        "as .ci/run does) or set $SOFFICE to its path.",
    );
  }
  return p;
}

function run(cmd: string, args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(" ")} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export interface ConvertOptions {
  /** Kill soffice after this long (ms). Default 90 s. */
  timeoutMs?: number;
  /** Keep the temporary directory (for debugging); its path is in the result. */
  keep?: boolean;
}

/**
 * Convert with soffice in a profile of its own (so parallel runs and a user's open LibreOffice do not clash).
 * Returns the files soffice wrote into outDir.
 */
export async function sofficeConvert(input: string, convertTo: string, outDir: string, options: ConvertOptions = {}): Promise<string[]> {
  const soffice = requireSoffice();
  const profile = mkdtempSync(join(tmpdir(), "jixiao-lo-profile-"));
  const before = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
  try {
    await run(
      soffice,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", convertTo, "--outdir", outDir, input],
      options.timeoutMs ?? 90_000,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const written = readdirSync(outDir).filter((f) => !before.has(f));
  if (written.length === 0) throw new Error(`soffice wrote nothing converting ${basename(input)} to ${convertTo}`);
  return written.map((f) => join(outDir, f));
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface RecalculatedWorkbook {
  /** Every sheet's values after LibreOffice recalculated them, by sheet name. */
  sheets: Map<string, string[][]>;
  /** The temporary directory (removed unless options.keep). */
  dir: string;
}

/**
 * Write the workbook to a temporary .xlsx, let LibreOffice recalculate it headless and export every sheet to
 * CSV, and read those back. Cell texts are the values, not formulas (booleans come back as TRUE/FALSE).
 */
export async function recalculate(workbook: ExcelJS.Workbook, options: ConvertOptions = {}): Promise<RecalculatedWorkbook> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-lo-"));
  try {
    const input = join(dir, "book.xlsx");
    writeFileSync(input, Buffer.from(await workbook.xlsx.writeBuffer()));
    const outDir = join(dir, "out");
    const files = await sofficeConvert(input, CSV_FILTER, outDir, options);
    const sheets = new Map<string, string[][]>();
    const names = workbook.worksheets.map((w) => w.name);
    for (const file of files) {
      const base = basename(file, ".csv");
      // With more than one sheet soffice names the files book-<sheet>.csv; with one sheet just book.csv.
      const sheet = base === "book" ? (names[0] ?? base) : base.replace(/^book-/, "");
      sheets.set(sheet, parseCsv(readFileSync(file, "utf8")));
    }
    return { sheets, dir };
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Print an .xlsx (or anything LibreOffice opens) to PDF in outDir; returns the PDF's path. */
export async function convertToPdf(input: string, outDir: string, options: ConvertOptions = {}): Promise<string> {
  const files = await sofficeConvert(input, "pdf", outDir, options);
  const pdf = files.find((f) => f.endsWith(".pdf"));
  if (!pdf) throw new Error(`soffice did not write a PDF for ${basename(input)}`);
  return pdf;
}
