// How the main thread handles its worker: replies, failures, memory and time limits, reuse. Stand-in workers
// (written here) answer the way the real one can, so these run from the sources, without lib/.
import { writeFileSync } from "fs";
import { join } from "path";
import { isolatedChecker } from "../../src/cli/isolate";
import { CHECK_ZH as ZH } from "../../src/cli/messages";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { tempDir, toCsv } from "./support";

jest.setTimeout(60_000);

const dir = tempDir("jixiao-isolate-");

/** A worker script whose reply to each request is `body` (request in `r`, the thread's port in `port`). */
function worker(name: string, body: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, `const { parentPort: port } = require("worker_threads");\nlet n = 0;\nport.on("message", (r) => { n++; ${body} });\n`);
  return file;
}

const CHECKED = (file: string) => ({ kind: "checked", file, sheets: [] });

describe("isolatedChecker with a given worker", () => {
  it("passes the file and settings to the worker and returns its outcome, reusing one worker for the next file", async () => {
    const script = worker("echo", `port.postMessage({ ok: true, outcome: { kind: "checked", file: r.file, sheets: [{ sheet: r.settings.language + n, forms: 0, findings: [] }] } });`);
    const checker = isolatedChecker({ script });
    try {
      const first = await checker.check("a.csv", { ...DEFAULT_SETTINGS, language: "en" });
      expect(first).toEqual({ kind: "checked", file: "a.csv", sheets: [{ sheet: "en1", forms: 0, findings: [] }] });
      // The same thread answers the second file: its count goes on.
      const second = await checker.check("b.csv", DEFAULT_SETTINGS);
      expect(second).toEqual({ kind: "checked", file: "b.csv", sheets: [{ sheet: "zh2", forms: 0, findings: [] }] });
    } finally {
      await checker.close();
    }
  });

  it("reports the worker's own failure as an internal error for that file, and keeps the worker", async () => {
    const script = worker("fail-once", `port.postMessage(n === 1 ? { ok: false, error: "坏了" } : { ok: true, outcome: { kind: "checked", file: r.file, sheets: [] } });`);
    const checker = isolatedChecker({ script });
    try {
      expect(await checker.check("a.csv", DEFAULT_SETTINGS)).toEqual({
        kind: "unreadable",
        file: "a.csv",
        reason: "检查时发生内部错误（坏了）。这是本工具的问题，请把这个文件和提示报告给开发者。",
      });
      expect(await checker.check("b.csv", DEFAULT_SETTINGS)).toEqual(CHECKED("b.csv"));
    } finally {
      await checker.close();
    }
  });

  it("reports an exception that ends the thread as an internal error, and starts a fresh worker for the next file", async () => {
    const script = worker("throw-first", `if (r.file === "a.csv") throw new Error("炸了"); port.postMessage({ ok: true, outcome: { kind: "checked", file: r.file, sheets: [{ sheet: String(n), forms: 0, findings: [] }] } });`);
    const checker = isolatedChecker({ script });
    try {
      expect(await checker.check("a.csv", DEFAULT_SETTINGS)).toEqual({
        kind: "unreadable",
        file: "a.csv",
        reason: expect.stringMatching(/^检查时发生内部错误（(Error: )?炸了）/) as unknown,
      });
      // A new thread: its count starts again at 1.
      expect(await checker.check("b.csv", DEFAULT_SETTINGS)).toEqual({ kind: "checked", file: "b.csv", sheets: [{ sheet: "1", forms: 0, findings: [] }] });
    } finally {
      await checker.close();
    }
  });

  it("calls a thread that exits without a reply a file too large, and goes on in a fresh worker", async () => {
    const script = worker("exit-first", `if (r.file === "a.csv") process.exit(3); port.postMessage({ ok: true, outcome: { kind: "checked", file: r.file, sheets: [{ sheet: String(n), forms: 0, findings: [] }] } });`);
    const checker = isolatedChecker({ script });
    try {
      expect(await checker.check("a.csv", DEFAULT_SETTINGS)).toEqual({
        kind: "unreadable",
        file: "a.csv",
        reason: ZH.unreadable.tooLargeOrOdd(ZH.structure.memory),
      });
      expect(await checker.check("b.csv", DEFAULT_SETTINGS)).toEqual({ kind: "checked", file: "b.csv", sheets: [{ sheet: "1", forms: 0, findings: [] }] });
    } finally {
      await checker.close();
    }
  });

  it("stops a worker that runs out of its heap, says so, and checks the next file in a fresh one", async () => {
    const script = worker("hog", `if (r.file === "huge.csv") { const a = []; for (;;) a.push(new Array(100000).fill(n)); } port.postMessage({ ok: true, outcome: { kind: "checked", file: r.file, sheets: [] } });`);
    const checker = isolatedChecker({ script, heapMb: 32 });
    try {
      expect(await checker.check("huge.csv", DEFAULT_SETTINGS)).toEqual({
        kind: "unreadable",
        file: "huge.csv",
        reason: ZH.unreadable.tooLargeOrOdd(ZH.structure.memory),
      });
      expect(await checker.check("b.csv", DEFAULT_SETTINGS)).toEqual(CHECKED("b.csv"));
    } finally {
      await checker.close();
    }
  });

  it("gives up on a file after the time limit, and checks the next one in a fresh worker", async () => {
    const script = worker("slow", `if (r.file === "slow.csv") return; port.postMessage({ ok: true, outcome: { kind: "checked", file: r.file, sheets: [] } });`);
    const checker = isolatedChecker({ script, timeoutMs: 1500 });
    try {
      const started = Date.now();
      expect(await checker.check("slow.csv", DEFAULT_SETTINGS)).toEqual({
        kind: "unreadable",
        file: "slow.csv",
        reason: ZH.unreadable.tooLargeOrOdd(ZH.structure.timeout),
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
      expect(await checker.check("b.csv", DEFAULT_SETTINGS)).toEqual(CHECKED("b.csv"));
    } finally {
      await checker.close();
    }
  });

  it("answers a quick file well inside the time limit, and the timer does not fire afterwards", async () => {
    const script = worker("quick", `port.postMessage({ ok: true, outcome: { kind: "checked", file: r.file, sheets: [{ sheet: String(n), forms: 0, findings: [] }] } });`);
    const checker = isolatedChecker({ script, timeoutMs: 1500 });
    try {
      expect(await checker.check("a.csv", DEFAULT_SETTINGS)).toEqual({ kind: "checked", file: "a.csv", sheets: [{ sheet: "1", forms: 0, findings: [] }] });
      await new Promise((r) => setTimeout(r, 1800));
      // Still the first worker (a stray timer would have ended it): its count goes on.
      expect(await checker.check("b.csv", DEFAULT_SETTINGS)).toEqual({ kind: "checked", file: "b.csv", sheets: [{ sheet: "2", forms: 0, findings: [] }] });
    } finally {
      await checker.close();
    }
  });

  it("closes without a worker, and twice", async () => {
    const checker = isolatedChecker({ script: worker("idle", "") });
    await expect(checker.close()).resolves.toBeUndefined();
    await expect(checker.close()).resolves.toBeUndefined();
  });
});

describe("isolatedChecker without a given worker", () => {
  it("checks a real form, with the built worker or, from the sources without a build, in this thread", async () => {
    const file = join(dir, "good.csv");
    writeFileSync(file, toCsv(formGrid(GOOD_ROWS)));
    const checker = isolatedChecker();
    try {
      const outcome = await checker.check(file, DEFAULT_SETTINGS);
      expect(outcome).toEqual({ kind: "checked", file, sheets: [{ sheet: "good", forms: 1, findings: [] }] });
    } finally {
      await checker.close();
    }
  });
});
