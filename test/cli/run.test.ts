// run(): the process's own command line, as bin/jixiao.js calls it: exit code, output, a closed pipe, a crash.
import { readFileSync } from "fs";
import { join } from "path";
import { run } from "../../src/cli/main";
import { REPO } from "./support";

const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;

describe("run", () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    process.exitCode = 0;
    jest.restoreAllMocks();
    process.stdout.removeAllListeners("error");
    process.stderr.removeAllListeners("error");
  });

  async function runWith(args: string[]): Promise<{ out: string; err: string }> {
    let out = "";
    let err = "";
    jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    process.argv = [argv[0] as string, "jixiao", ...args];
    run();
    await new Promise((r) => setTimeout(r, 200));
    jest.restoreAllMocks();
    return { out, err };
  }

  it("prints the answer and sets the exit code", async () => {
    const { out } = await runWith(["--version"]);
    expect(out).toBe(`${VERSION}\n`);
    expect(process.exitCode).toBe(0);
    const bad = await runWith(["frobnicate"]);
    expect(bad.err).toContain("未知命令“frobnicate”");
    expect(process.exitCode).toBe(2);
  });

  it("ignores a closed pipe on stdout and stderr, and rethrows other stream errors", async () => {
    await runWith(["--version"]);
    const epipe = Object.assign(new Error("EPIPE"), { code: "EPIPE" });
    expect(() => process.stdout.emit("error", epipe)).not.toThrow();
    expect(() => process.stderr.emit("error", epipe)).not.toThrow();
    const other = Object.assign(new Error("EIO"), { code: "EIO" });
    expect(() => process.stdout.emit("error", other)).toThrow("EIO");
    expect(() => process.stderr.emit("error", other)).toThrow("EIO");
  });

  it("reports a crash as an internal error with its stack, and exits 70", async () => {
    jest.doMock("../../src/cli/args", () => ({
      parseCommandLine: () => {
        throw new Error("坏了");
      },
    }));
    let out = "";
    let err = "";
    jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    process.argv = [argv[0] as string, "jixiao", "check", "a.csv"];
    await jest.isolateModulesAsync(async () => {
      const fresh = (await import("../../src/cli/main")) as { run: () => void };
      fresh.run();
      await new Promise((r) => setTimeout(r, 200));
    });
    jest.restoreAllMocks();
    jest.dontMock("../../src/cli/args");
    expect(process.exitCode).toBe(70);
    expect(out).toBe("");
    expect(err).toMatch(/^检查时发生内部错误（坏了）。这是本工具的问题，请把这个文件和提示报告给开发者。\nError: 坏了\n\s+at /);
  });
});
