import { spawnSync } from "child_process";
import { readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { BIN, tempDir } from "./support";

/** The CLI under a file-size limit of `kb` KB: writes past it fail with EFBIG, as on a full disk or quota. */
function templateWithSizeLimit(dir: string, kb: number, args: string[]) {
  const cmd = `ulimit -f ${kb}; trap '' XFSZ; exec "$0" "$@"`;
  return spawnSync("sh", ["-c", cmd, process.execPath, BIN, "template", ...args], { cwd: dir, encoding: "utf8" });
}

describe("jixiao template writes atomically", () => {
  it("keeps the old workbook whole when --force cannot write the new one", () => {
    const dir = tempDir();
    const target = join(dir, "表.xlsx");
    const old = Buffer.alloc(4000, 7); // stands for the user's earlier workbook
    writeFileSync(target, old);
    const r = templateWithSizeLimit(dir, 2, ["-o", "表.xlsx", "--force", "--year", "2027"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法写入“表.xlsx”（EFBIG）");
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(readdirSync(dir)).toEqual(["表.xlsx"]); // no temporary file left behind
  });

  it("replaces the old workbook with --force when the write succeeds, and leaves no temporary file", () => {
    const dir = tempDir();
    const target = join(dir, "表.xlsx");
    writeFileSync(target, "old");
    const r = templateWithSizeLimit(dir, 100_000, ["-o", "表.xlsx", "--force", "--year", "2027"]);
    expect(r.status).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(readdirSync(dir)).toEqual(["表.xlsx"]);
  });

  it("never replaces an existing file without --force", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "表.xlsx"), "old");
    const r = templateWithSizeLimit(dir, 100_000, ["-o", "表.xlsx"]);
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, "表.xlsx"), "utf8")).toBe("old");
  });
});
