// "startup": from navigation to the pane being ready (body[data-ready]) in Chromium, with the fake Excel
// host standing in for office.js. Median of several cold page loads; reuses dist/ when present.
import { buildDist, bundleFakeHost, launchBrowser, openPane, serveDist } from "../test/e2e/harness";

export const key = "startup";

const RUNS = 5;

export async function run(): Promise<{ msToReady: number; runs: number[] }> {
  buildDist(true);
  const fakeHost = await bundleFakeHost();
  const server = await serveDist();
  const browser = await launchBrowser();
  const runs: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const { page } = await openPane(browser, server.origin, fakeHost);
      const ms = await page.evaluate(() => performance.getEntriesByName("jixiao-ready")[0]?.startTime ?? -1);
      if (ms < 0) throw new Error("任务窗格没有标记 jixiao-ready");
      runs.push(Math.round(ms));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { msToReady: sorted[Math.floor(sorted.length / 2)] ?? 0, runs };
}
