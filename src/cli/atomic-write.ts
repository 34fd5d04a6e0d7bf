// 原子写文件：先写同一文件夹里的临时文件并落盘，再改名为目标文件；任何一步失败，原有文件都不动。

import { randomBytes } from "crypto";
import { existsSync } from "fs";
import { link, open, rename, unlink } from "fs/promises";
import { basename, dirname, join } from "path";

/** Folders without hard links (FAT USB sticks, some network shares): check, then rename. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

/** Gives `tmp` the name `file` unless `file` exists (EEXIST). */
async function linkOrRename(tmp: string, file: string): Promise<void> {
  try {
    await link(tmp, file);
  } catch (e) {
    if (!NO_HARD_LINKS.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
    if (existsSync(file)) throw Object.assign(new Error(`EEXIST: ${file}`), { code: "EEXIST" });
    await rename(tmp, file);
  }
}

/**
 * Writes `data` to `file` so that readers see either the old file whole or the new one whole.
 * Without `overwrite` an existing file is never replaced (EEXIST), even one that appears meanwhile.
 */
export async function writeFileAtomic(file: string, data: Uint8Array, options: { overwrite: boolean }): Promise<void> {
  // Same folder: rename is atomic only within one file system. A leading dot keeps it out of folder scans.
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(tmp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync(); // on disk before it takes the old file's name
    } finally {
      await handle.close();
    }
    if (options.overwrite) await rename(tmp, file);
    else {
      await linkOrRename(tmp, file);
      await unlink(tmp).catch(() => undefined);
    }
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
