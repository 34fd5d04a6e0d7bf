// `jixiao selfeval TARGETS.xlsx|.csv -o OUT.xlsx [--force]`：由目标表生成自评表工作簿（参数见 selfeval-args.ts）。
// 原表只读；先写到同一文件夹的临时文件再改名，不加 --force 时绝不覆盖已有文件（改名前用 link 原子地占位）。

import { existsSync, statSync } from "fs";
import { link, rename, unlink, writeFile } from "fs/promises";
import { basename, dirname, join, resolve } from "path";
import { readForms } from "../domain/reader";
import { drawSelfEvaluation, readSelfEvaluations, selfEvaluationOf, type SelfEvaluation } from "../domain/selfeval";
import { fileSheets } from "./check-file";
import type { SelfevalCommand } from "./selfeval-args";
import { SELFEVAL_MESSAGES as SAY } from "./selfeval-messages";
import { drawSelfEvalSheet } from "./selfeval-xlsx";
import { loadWorkbookClass } from "./xlsx-read";

/** Every target table in the file (self-evaluation tables are not targets), or why none can be had. */
export async function targetTablesOf(file: string): Promise<{ ok: true; tables: SelfEvaluation[] } | { ok: false; message: string }> {
  const read = await fileSheets(file, "zh");
  if (!read.ok) return { ok: false, message: SAY.unreadable(file, read.reason) };
  const tables: SelfEvaluation[] = [];
  for (const s of read.sheets) {
    const selfHeaders = new Set(readSelfEvaluations(s.grid).map((t) => t.headerRow));
    for (const form of readForms(s.grid)) if (!selfHeaders.has(form.headerRow)) tables.push(selfEvaluationOf(form));
  }
  return tables.length > 0 ? { ok: true, tables } : { ok: false, message: SAY.noForm(file) };
}

/** The self-evaluation workbook: one sheet per target table ("2026年自评", then "2026年自评 (2)" …). */
export async function selfEvalBytes(tables: readonly SelfEvaluation[]): Promise<{ bytes: Buffer; sheets: string[] }> {
  const Workbook = loadWorkbookClass();
  const wb = new Workbook();
  wb.creator = "绩效目标表助手";
  wb.created = new Date();
  const sheets: string[] = [];
  for (const se of tables) {
    const drawing = drawSelfEvaluation(se);
    let name = drawing.sheetName;
    for (let n = 2; sheets.includes(name); n++) name = `${drawing.sheetName} (${n})`;
    sheets.push(name);
    drawSelfEvalSheet(wb, drawing, name);
  }
  return { bytes: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), sheets };
}

export interface SelfevalIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Runs the command; 0 written, 2 input or output problem. */
export async function runSelfeval(cmd: SelfevalCommand, io: SelfevalIO): Promise<number> {
  const out = cmd.output;
  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    io.stderr.write(`${SAY.noFolder(dirname(out))}\n`);
    return 2;
  }
  if (existsSync(out) && !cmd.force) {
    io.stderr.write(`${SAY.exists(out)}\n`);
    return 2;
  }
  const found = await targetTablesOf(cmd.input);
  if (!found.ok) {
    io.stderr.write(`${found.message}\n`);
    return 2;
  }
  const { bytes, sheets } = await selfEvalBytes(found.tables);
  const temp = join(folder, `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    if (cmd.force) await rename(temp, out);
    else {
      try {
        await link(temp, out); // fails if the file appeared meanwhile: never overwrite without --force
        await unlink(temp);
      } catch (e) {
        // Drives without hard links (FAT32/exFAT USB sticks, some shares): check again, then rename.
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST" || existsSync(out)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw e;
        await rename(temp, out);
      }
    }
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const err = e as NodeJS.ErrnoException;
    io.stderr.write(`${err.code === "EEXIST" ? SAY.exists(out) : SAY.writeFailed(out, err.code ?? err.message)}\n`);
    return 2;
  }
  const indicators = found.tables.reduce((a, t) => a + t.indicators.length, 0);
  const unscored = found.tables.reduce((a, t) => a + t.indicators.filter((i) => i.method === null).length, 0);
  io.stdout.write(`${SAY.written(out, sheets, indicators, unscored)}\n`);
  return 0;
}
