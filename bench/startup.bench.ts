// "startup": from navigation to the pane being ready (body[data-ready]) in Chromium, with the fake Excel
// host standing in for office.js. Median of several cold page loads; reuses dist/ when present.
// Also when the engine chunk (checking), requested as the pane starts, has arrived: the first check can run.
import { buildDist, bundleFakeHost, launchBrowser, openPane, serveDist } from "../test/e2e/harness";

export const key = "startup";

const RUNS = 5;

export async function run(): Promise<{ msToReady: number; runs: number[]; msToEngine: number; engineRuns: number[] }> {
  buildDist(true);
  const fakeHost = await bundleFakeHost();
  const server = await serveDist();
  const browser = await launchBrowser();
  const runs: number[] = [];
  const engineRuns: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const { page } = await openPane(browser, server.origin, fakeHost);
      const ms = await page.evaluate(() => performance.getEntriesByName("jixiao-ready")[0]?.startTime ?? -1);
      if (ms < 0) throw new Error("任务窗格没有标记 jixiao-ready");
      runs.push(Math.round(ms));
      const engine = await page.waitForFunction(() => performance.getEntriesByName("jixiao-engine-ready")[0]?.startTime ?? 0, undefined, { timeout: 15000 });
      engineRuns.push(Math.round((await engine.jsonValue()) as number));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { msToReady: median(runs), runs, msToEngine: median(engineRuns), engineRuns };
}
