// Installs like real software: npm pack, then npm install -g of the tarball into an empty prefix, runs with no
// compiler (the package holds built JavaScript only) and no network beyond its dependencies (from npm's cache).
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { REPO, tempDir } from "./support";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the packed command line", () => {
  it("installs globally from its tarball and checks the seed with the expected findings", () => {
    const out = tempDir("jixiao-pack-");
    execFileSync(npm, ["pack", "--silent", "--pack-destination", out], { cwd: REPO, stdio: "pipe" });
    const tarball = readdirSync(out).find((f) => f.endsWith(".tgz")) as string;
    const prefix = join(out, "prefix");
    execFileSync(npm, ["install", "-g", join(out, tarball), "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: out,
      stdio: "pipe",
    });
    const installed = join(prefix, "lib", "node_modules", "jixiao");
    expect(existsSync(join(installed, "lib", "cli", "main.js"))).toBe(true);
    expect(existsSync(join(installed, "src"))).toBe(false);
    expect(existsSync(join(installed, "node_modules", "typescript"))).toBe(false);

    const bin = join(prefix, "bin", "jixiao");
    const r = spawnSync(bin, ["check", join(REPO, "test/fixtures/seed.csv"), "--format", "json"], { encoding: "utf8", cwd: out });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const rules = new Set((JSON.parse(r.stdout) as { rule: string }[]).map((f) => f.rule));
    for (const rule of ["explanation-unrelated", "level3-duplicate", "level2-mismatch", "row-shifted"]) expect(rules).toContain(rule);

    const help = spawnSync(bin, ["help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("jixiao check");
  }, 240_000);
});

describe("npm test's pretest on a machine without the test tools", () => {
  it("stops within seconds naming the one command to run, when it cannot install them", () => {
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(REPO, "test/support/ensure-tools.js")], {
      encoding: "utf8",
      env: { PATH: "/nonexistent", SOFFICE: "", CHROMIUM: "/nonexistent/chromium" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("sudo apt-get install -y chromium");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("start-up", () => {
  it("answers help and --version without loading any dependency or the rules (jixiao help ≤ 150 ms)", () => {
    const script = `
      const { main } = require(${JSON.stringify(join(REPO, "lib/cli/main.js"))});
      const io = { stdout: { write() {} }, stderr: { write() {} }, now: () => new Date() };
      (async () => {
        for (const argv of [["help"], ["help", "check"], ["--version"]]) if ((await main(argv, io)) !== 0) process.exit(3);
        const loaded = Object.keys(require.cache);
        process.stdout.write(JSON.stringify({ deps: loaded.filter((f) => f.includes("node_modules")).length, rules: loaded.some((f) => f.includes("rules")) }));
      })();`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ deps: 0, rules: false });
  });
});
