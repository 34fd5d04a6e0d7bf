// `jixiao template`：生成表样并原子地写出（先写同一文件夹里的临时文件，再改名），失败时旧文件不动。

import { existsSync, statSync } from "fs";
import { dirname, resolve } from "path";
import type { TemplateCommand } from "./args";
import { writeFileAtomic } from "./atomic-write";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes";
import type { CliIO } from "./io";
import { TEMPLATE_MESSAGES } from "./messages";
import { templateBytes } from "./template";

export async function runTemplate(cmd: TemplateCommand, io: CliIO): Promise<number> {
  const out = cmd.output;
  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    io.stderr.write(`${TEMPLATE_MESSAGES.noFolder(dirname(out))}\n`);
    return EXIT_USAGE;
  }
  if (existsSync(out) && !cmd.force) {
    io.stderr.write(`${TEMPLATE_MESSAGES.exists(out)}\n`);
    return EXIT_USAGE;
  }
  // Loaded here so that `check` does not pay for the template's modules.
  const { defaultFiscalYear } = await import("../domain/fiscal");
  const year = cmd.year ?? defaultFiscalYear(io.now());
  const bytes = await templateBytes({ year, ...(cmd.deptName ? { deptName: cmd.deptName } : {}) });
  try {
    // Without --force it fails if the file appeared meanwhile; with it, a failed write leaves the old file whole.
    await writeFileAtomic(out, bytes, { overwrite: cmd.force });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EEXIST") io.stderr.write(`${TEMPLATE_MESSAGES.exists(out)}\n`);
    else io.stderr.write(`${TEMPLATE_MESSAGES.writeFailed(out, err.code ?? err.message)}\n`);
    return EXIT_USAGE;
  }
  io.stdout.write(`${TEMPLATE_MESSAGES.written(out, year)}\n`);
  return EXIT_OK;
}
