// writeFileAtomic: never replaces without overwrite, replaces whole with it, and leaves no temporary file behind.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { writeFileAtomic } from "../../src/cli/atomic-write";
import { tempDir } from "./support";

describe("writeFileAtomic", () => {
  it("writes a new file, and refuses to replace it without overwrite (EEXIST), keeping the old bytes", async () => {
    const dir = tempDir("jixiao-atomic-");
    const file = join(dir, "a.xlsx");
    await writeFileAtomic(file, Buffer.from("one"), { overwrite: false });
    expect(readFileSync(file, "utf8")).toBe("one");
    await expect(writeFileAtomic(file, Buffer.from("two"), { overwrite: false })).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(file, "utf8")).toBe("one");
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  });

  it("replaces the file with overwrite", async () => {
    const dir = tempDir("jixiao-atomic-");
    const file = join(dir, "a.xlsx");
    writeFileSync(file, "old");
    await writeFileAtomic(file, Buffer.from("new"), { overwrite: true });
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  });

  it("fails with the system's code and cleans up when the target cannot take the name", async () => {
    const dir = tempDir("jixiao-atomic-");
    mkdirSync(join(dir, "a.xlsx"));
    await expect(writeFileAtomic(join(dir, "a.xlsx"), Buffer.from("x"), { overwrite: true })).rejects.toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/) as unknown });
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
    await expect(writeFileAtomic(join(dir, "none", "b.xlsx"), Buffer.from("x"), { overwrite: false })).rejects.toMatchObject({ code: "ENOENT" });
  });
});
