// The worker's heap and time limits, with the compiled worker in lib/ (mutation runs leave this file out).
import { writeFileSync } from "fs";
import { join } from "path";
import { isolatedChecker } from "../../src/cli/isolate";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { formGrid, GOOD_ROWS } from "../support/form-grid";
import { tempDir, toCsv } from "./support";

describe("isolatedChecker: one file's reading cannot take the batch down", () => {
  it("reports a file that exhausts the worker's heap as skipped, then checks the next file in a fresh worker", async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 400_000 }, (_, i) => `产出指标,数量指标,第${i}项,≥,${i},个`).join("\n");
    writeFileSync(join(dir, "huge.csv"), `${toCsv(formGrid(GOOD_ROWS))}${rows}\n`);
    writeFileSync(join(dir, "good.csv"), toCsv(formGrid(GOOD_ROWS)));
    const checker = isolatedChecker({ heapMb: 48 });
    try {
      const huge = await checker.check(join(dir, "huge.csv"), DEFAULT_SETTINGS);
      expect(huge).toEqual({
        kind: "unreadable",
        file: join(dir, "huge.csv"),
        reason: expect.stringContaining("文件过大或结构异常，已跳过（读取时所需内存超过上限）") as unknown,
      });
      const good = await checker.check(join(dir, "good.csv"), DEFAULT_SETTINGS);
      expect(good.kind).toBe("checked");
    } finally {
      await checker.close();
    }
  }, 60_000);

  it("gives up on a file after the time limit and goes on", async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 200_000 }, (_, i) => `产出指标,数量指标,第${i}项,≥,${i},个`).join("\n");
    writeFileSync(join(dir, "slow.csv"), `${toCsv(formGrid(GOOD_ROWS))}${rows}\n`);
    writeFileSync(join(dir, "good.csv"), toCsv(formGrid(GOOD_ROWS)));
    const checker = isolatedChecker({ timeoutMs: 1 });
    try {
      const slow = await checker.check(join(dir, "slow.csv"), DEFAULT_SETTINGS);
      expect(slow.kind === "unreadable" && slow.reason).toContain("文件过大或结构异常，已跳过（读取超过时限）");
    } finally {
      await checker.close();
    }
    const next = isolatedChecker();
    try {
      expect((await next.check(join(dir, "good.csv"), DEFAULT_SETTINGS)).kind).toBe("checked");
    } finally {
      await next.close();
    }
  }, 60_000);
});
