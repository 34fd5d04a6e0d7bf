// The task pane in a real browser (Chromium) against the strict fake Excel host: click through as a user.
// `npm run test:e2e` (add `-- --reuse-dist` to skip the build). Screenshots go to test-results/*.png.
import { parse as parseScript } from "acorn";
import { readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import {
  assert,
  buildDist,
  bundleFakeHost,
  DIST,
  launchBrowser,
  openPane,
  runCases,
  screenshot,
  serveDist,
  type Browser,
  type FakeHostOptions,
  type PaneProblems,
} from "./harness";
import type { FakeHostHandle } from "./fake-host-entry";
import { formGrid, GOOD_ROWS } from "../support/form-grid";

interface Env {
  browser: Browser;
  origin: string;
  fakeHost: string;
}

type HostMethod = keyof FakeHostHandle;

/** Calls one method of the fake host's test handle inside the page (no eval: the pane's CSP forbids it). */
function host<M extends HostMethod>(
  page: Page,
  method: M,
  ...args: Parameters<FakeHostHandle[M]>
): Promise<Awaited<ReturnType<FakeHostHandle[M]>>> {
  return page.evaluate(
    ([m, a]) => {
      const h = (window as unknown as { __fakeHost: Record<string, (...x: unknown[]) => unknown> }).__fakeHost;
      const f = h[m as string];
      if (!f) throw new Error(`fake host has no ${String(m)}`);
      return f(...(a as unknown[]));
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<FakeHostHandle[M]>>>;
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
}

async function click(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name, exact: true }).click();
}

/** Waits until no operation is running (the progress bar is hidden). */
async function idle(page: Page): Promise<void> {
  await page.waitForSelector("#progress", { state: "hidden" });
}

function noProblems(problems: PaneProblems): void {
  assert(problems.errors.length === 0, `page reported errors:\n${problems.errors.join("\n")}`);
}

async function insertForm(page: Page, dept: string): Promise<void> {
  await page.getByLabel("部门（单位）名称").fill(dept);
  await click(page, "插入标准表");
  await idle(page);
  await page.locator(".message-success").filter({ hasText: "插入" }).first().waitFor();
}

async function messages(page: Page): Promise<string[]> {
  return page.locator("#messages .message-text").allTextContents();
}

export function cases(env: Env) {
  async function open(options: FakeHostOptions = {}) {
    return openPane(env.browser, env.origin, env.fakeHost, options);
  }

  return [
    {
      name: "opens in Chinese with the default year, CSP intact, nothing wider than 350 px",
      async run() {
        const { page, problems } = await open();
        assert((await page.getByRole("tab").allTextContents()).join(",") === "模板,检查,评分标准,设置", "four Chinese tabs");
        const year = Number(await page.getByLabel("年度").inputValue());
        const now = new Date();
        assert(year === now.getFullYear() || year === now.getFullYear() + 1, `default year ${year}`);
        const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
        const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
        assert(scriptSrc.startsWith("'self'") && !scriptSrc.includes("unsafe"), `script-src is strict: ${scriptSrc}`);
        assert(/default-src 'self'/.test(csp) && /object-src 'none'/.test(csp), `CSP: ${csp}`);
        const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
        assert(font.startsWith('"Microsoft YaHei UI"'), `font ${font}`);
        await screenshot(page, "01-template");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "keyboard: arrow keys move between tabs and Enter on a finding selects its cell",
      async run() {
        const { page, problems } = await open();
        await page.getByRole("tab", { name: "模板" }).focus();
        await page.keyboard.press("ArrowRight");
        const selected = await page.locator('[role="tab"][aria-selected="true"]').textContent();
        assert(selected === "检查", `selected tab after ArrowRight: ${selected}`);
        assert(await page.locator("#panel-check").isVisible(), "check panel shown");
        await page.keyboard.press("End");
        assert((await page.locator('[role="tab"][aria-selected="true"]').textContent()) === "设置", "End goes to the last tab");
        await page.keyboard.press("Home");
        await insertForm(page, "某县民政局");
        await page.getByRole("tab", { name: "模板" }).focus();
        await page.keyboard.press("ArrowRight");
        // Tab past the message bars' close buttons and the panel itself to 立即检查.
        for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== "check-now"; i++) {
          await page.keyboard.press("Tab");
        }
        assert((await page.evaluate(() => document.activeElement?.id)) === "check-now", "立即检查 reachable by Tab");
        await page.keyboard.press("Enter");
        await idle(page);
        const first = page.locator(".finding").first();
        const cell = (await first.getAttribute("data-cell")) ?? "";
        await first.focus();
        await page.keyboard.press("Enter");
        await page.waitForFunction((c) => document.querySelector("#messages")?.textContent?.includes(`已选中单元格 ${c}`), cell);
        assert((await host(page, "selection")).endsWith(`!${cell}`), `Enter on a finding selects ${cell}`);
        const label = (await first.getAttribute("aria-label")) ?? "";
        assert(label.includes(cell) && label.includes("按回车"), `a screen reader hears the cell and what Enter does: ${label}`);
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "insert the form, type a wrong value, see the finding appear live, click it and the selection moves",
      async run() {
        const { page, problems } = await open();
        await insertForm(page, "某县民政局");
        assert((await host(page, "cellText", "B1")).includes("绩效目标表") || (await host(page, "cellText", "A1")).includes("绩效目标表"), "title written");
        await screenshot(page, "02-inserted");

        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        const before = await page.locator(".finding").count();
        assert(before > 0, "a blank form has findings (missing department duties, indicators…)");
        await screenshot(page, "03-findings");

        // The user types a non-number target into the first indicator row (指标值 column F, row 7)…
        await host(page, "userEdit", [["D7", "社区服务站覆盖数"], ["E7", "≥"], ["F7", "很多"]]);
        // …and the live re-check shows it without pressing anything.
        const finding = page.locator('.finding[data-cell="F7"]');
        await finding.first().waitFor({ timeout: 10000 });
        const text = await finding.first().textContent();
        assert(text !== null && text.includes("F7"), `finding for F7: ${text}`);
        await screenshot(page, "04-live-finding");

        await finding.first().click();
        await page.waitForFunction(() => document.querySelector("#messages")?.textContent?.includes("已选中单元格 F7"));
        assert((await host(page, "selection")).endsWith("F7"), "the sheet's selection moved to F7");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "write a scoring standard to the selected row; the preview and the running total follow",
      async run() {
        const { page, problems } = await open();
        await insertForm(page, "某县民政局");
        await host(page, "userEdit", [["D7", "办公经费控制数"], ["E7", "≤"], ["F7", "28.8"], ["G7", "万元"], ["H7", "全年办公经费支出"]]);
        await host(page, "select", "D7");
        await tab(page, "评分标准");
        await idle(page);
        await page.locator("#selection-info").filter({ hasText: "第 7 行" }).waitFor();
        const suggested = await page.locator("#methods .radio", { hasText: "（建议）" }).textContent();
        assert(suggested !== null && suggested.includes("按完成比例赋分"), `a ceiling row suggests the proportional method: ${suggested}`);
        await page.getByLabel("分值", { exact: true }).fill("15");
        const preview = (await page.locator("#preview").textContent()) ?? "";
        assert(preview.includes("15分"), `preview states the points: ${preview}`);
        await screenshot(page, "05-scoring");
        await click(page, "写入选中行");
        await idle(page);
        const written = await host(page, "cellText", "I7");
        assert(written === preview, `I7 holds the previewed text: ${written}`);
        await page.locator("#points-total").filter({ hasText: "15" }).waitFor();
        await screenshot(page, "06-scoring-written");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "fill every blank standard writes each row's suggestion and reports the total",
      async run() {
        const { page, problems } = await open();
        await insertForm(page, "某县民政局");
        await host(page, "userEdit", [["D7", "办公经费控制数"], ["E7", "≤"], ["F7", "28.8"], ["H7", "全年办公经费支出"]]);
        await host(page, "userEdit", [["D8", "培训人次"], ["E8", "≥"], ["F8", "1200"], ["H8", "全年培训人次"]]);
        await tab(page, "评分标准");
        await idle(page);
        await click(page, "填写所有空白标准");
        await idle(page);
        assert((await host(page, "cellText", "I7")).includes("分"), "I7 filled");
        assert((await host(page, "cellText", "I8")).includes("分"), "I8 filled");
        await page.locator(".message-success").filter({ hasText: "空白的评分标准" }).waitFor();
        const total = (await page.locator("#points-total").textContent()) ?? "";
        assert(/分值合计 \d+/.test(total), `running total shown: ${total}`);
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "a correct table shows the passed empty state",
      async run() {
        const grid = formGrid(GOOD_ROWS).map((row) => row.map((v) => v ?? ""));
        const { page, problems } = await open({ grid });
        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        const empty = page.locator("#check-empty");
        assert(await empty.isVisible(), "empty state shown");
        assert(((await empty.textContent()) ?? "").includes("检查通过"), "says the table passed");
        assert((await page.locator(".finding").count()) === 0, "no findings listed");
        assert(((await page.locator("#check-summary").textContent()) ?? "").includes("错误 0 项"), "counts are zero");
        await screenshot(page, "13-passed");
        await tab(page, "评分标准");
        await idle(page);
        const total = (await page.locator("#points-total").textContent()) ?? "";
        assert(total.includes("90") && total.includes("一致"), `total matches: ${total}`);
        noProblems(problems);
        await page.close();
      },
    },
    {
      // 绩效自评 (issue 11)
      name: "生成自评表: a new 2027年自评 sheet from the target table, the source untouched; checking it lists what is left to fill",
      async run() {
        const grid = formGrid(GOOD_ROWS).map((row) => row.map((v) => v ?? ""));
        const { page, problems } = await open({ grid });
        const source = await host(page, "activeSheetName");
        const sourceBefore = await host(page, "sheetSnapshot", source);
        await click(page, "生成自评表");
        await idle(page);
        await page.locator(".message-success").filter({ hasText: "2027年自评" }).first().waitFor();
        assert((await host(page, "sheetNames")).includes("2027年自评"), "the new sheet is named after the year");
        assert((await host(page, "activeSheetName")) === "2027年自评", "and shown");
        assert((await host(page, "sheetSnapshot", source)) === sourceBefore, "the source sheet is unchanged");
        await screenshot(page, "16-selfeval-made");
        await host(page, "userEdit", [["E7", "118"], ["C5", "100"], ["D5", "80"]]);
        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        await page.locator('.finding[data-cell="E8"]').first().waitFor();
        assert((await page.locator('.finding[data-cell="E7"]').count()) === 0, "the filled row is not reported");
        assert((await page.locator('.finding[data-cell="H5"]').count()) > 0, "execution 80% without a reason is reported");
        await screenshot(page, "17-selfeval-findings");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "two forms on one sheet: findings are listed under each form",
      async run() {
        const clean = (g: ReturnType<typeof formGrid>) => g.map((row) => row.map((v) => v ?? ""));
        const first = clean(formGrid(GOOD_ROWS));
        const wrong = GOOD_ROWS.map((r, i) => (i === 1 ? { ...r, target: "很多" } : r));
        const grid = [...first, [""], [""], ...clean(formGrid(wrong, { deptName: "某县第二单位" }))];
        const { page, problems } = await open({ grid });
        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        const headings = await page.locator(".form-heading").allTextContents();
        assert(headings.some((h) => h.startsWith("第 2 张表")), `second form's heading: ${headings.join(" | ")}`);
        const secondTarget = `F${first.length + 2 + 8}`; // second form's second indicator row, 指标值 column
        assert((await page.locator(`.finding[data-cell="${secondTarget}"]`).count()) === 1, `finding at ${secondTarget}`);
        await screenshot(page, "16-two-forms");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "add indicator rows, merge level-1 for printing and unmerge again",
      async run() {
        const { page, problems } = await open();
        await insertForm(page, "某县民政局");
        const rowsBefore = (await host(page, "usedAddress")) ?? "";
        await page.getByLabel("行数").fill("3");
        await click(page, "增加指标行");
        await idle(page);
        await page.locator(".message-success").filter({ hasText: "已增加 3 行" }).waitFor();
        const rowsAfter = (await host(page, "usedAddress")) ?? "";
        const lastRow = (a: string) => Number(/(\d+)$/.exec(a)?.[1] ?? 0);
        assert(lastRow(rowsAfter) === lastRow(rowsBefore) + 3, `three rows more: ${rowsBefore} → ${rowsAfter}`);
        await page.getByLabel("行数").fill("0");
        await click(page, "增加指标行");
        assert(((await page.getByRole("alert").first().textContent()) ?? "").includes("1 到 200"), "0 rows refused");
        // Merging needs filled indicator rows: the 产出指标 block (rows 8–10) gets three indicators.
        await host(page, "userEdit", [["D8", "培训人次"], ["D9", "培训合格率"], ["D10", "补贴按时发放率"]]);
        const mergesBefore = await host(page, "mergeCount");
        await click(page, "合并一级指标");
        await idle(page);
        const mergesPrinted = await host(page, "mergeCount");
        assert(mergesPrinted > mergesBefore, `level-1 blocks merged: ${mergesBefore} → ${mergesPrinted}`);
        await click(page, "取消合并");
        await idle(page);
        assert((await host(page, "mergeCount")) === mergesBefore, "the print merges are removed again");
        await screenshot(page, "15-rows-and-merges");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "make next year's sheet: preview, then the new sheet, the source untouched",
      async run() {
        const { page, problems } = await open();
        await page.getByLabel("年度").fill("2026");
        await insertForm(page, "某县民政局");
        const sheetsBefore = await host(page, "sheetNames");
        const source = await host(page, "activeSheetName");
        const sourceBefore = await host(page, "sheetSnapshot", source);
        await click(page, "预览变化");
        await idle(page);
        await page.locator("#next-year-heading").filter({ hasText: "2027" }).waitFor();
        await screenshot(page, "07-next-year-preview");
        assert((await host(page, "sheetNames")).length === sheetsBefore.length, "preview adds no sheet");
        await click(page, "生成下一年度工作表");
        await idle(page);
        const sheetsAfter = await host(page, "sheetNames");
        assert(sheetsAfter.length === sheetsBefore.length + 1, `one new sheet: ${sheetsAfter.join(",")}`);
        assert(sheetsAfter.some((n) => n.includes("2027")), `named after the year: ${sheetsAfter.join(",")}`);
        assert((await host(page, "sheetSnapshot", source)) === sourceBefore, "the source sheet is unchanged");
        const heading = (await page.locator("#next-year-heading").textContent()) ?? "";
        assert(heading.includes("已生成工作表"), heading);
        await screenshot(page, "08-next-year-done");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "a host error is shown as a message, and a second click while busy is refused",
      async run() {
        const { page, problems } = await open({ latencyMs: 300 });
        await host(page, "failNextSync", "AccessDenied");
        await click(page, "插入标准表");
        // While the first runs, the button is disabled: the operation cannot start twice.
        assert(await page.getByRole("button", { name: "插入标准表", exact: true }).isDisabled(), "disabled while running");
        assert(await page.locator("#progress").isVisible(), "progress shown");
        assert(((await page.locator("#progress-label").textContent()) ?? "").includes("正在插入"), "progress says what runs");
        await screenshot(page, "09a-busy");
        await idle(page);
        const alert = page.getByRole("alert");
        await alert.first().waitFor();
        const text = (await alert.first().textContent()) ?? "";
        assert(text.includes("受保护"), `protected-sheet message: ${text}`);
        await screenshot(page, "09-host-error");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "cell text with markup renders as text, never as HTML",
      async run() {
        const { page, problems } = await open();
        await insertForm(page, "某县民政局");
        const attack = '<img src=x onerror="window.__pwned=1">';
        await host(page, "userEdit", [["D7", attack], ["E7", "≥"], ["F7", attack]]);
        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        const listText = (await page.locator("#findings").textContent()) ?? "";
        assert(listText.includes(attack), "the markup appears literally in a finding");
        assert((await page.locator("#findings img, #messages img").count()) === 0, "no <img> element was created");
        assert((await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)) === undefined, "onerror never ran");
        await screenshot(page, "10-markup-as-text");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "settings: the expected total is saved with the workbook and used for the total",
      async run() {
        const { page, problems } = await open();
        await tab(page, "设置");
        await page.getByLabel("指标总分").fill("100");
        await click(page, "保存");
        await idle(page);
        assert((await messages(page)).some((m) => m.includes("100")), "saved message");
        assert((await host(page, "setting", "expectedTotal")) === 100, "stored in document settings");
        await tab(page, "评分标准");
        await idle(page);
        await page.locator("#points-total").filter({ hasText: "100 分" }).waitFor();
        await tab(page, "设置");
        await page.getByLabel("指标总分").fill("-3");
        await click(page, "保存");
        assert((await page.getByRole("alert").first().textContent())?.includes("1 到 1000") === true, "invalid total refused");
        await screenshot(page, "11-settings");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "English when Office runs in English",
      async run() {
        const { page, problems } = await open({ displayLanguage: "en-US" });
        assert((await page.getByRole("tab").allTextContents()).join(",") === "Template,Check,Scoring,Settings", "English tabs");
        await screenshot(page, "12-english");

        // Insert the form, check it: the findings come back in English (the form's own words stay quoted).
        await page.getByLabel("Department (unit) name").fill("某县民政局");
        await click(page, "Insert form");
        await idle(page);
        await page.locator(".message-success").first().waitFor();
        const notes = (await messages(page)).join("\n");
        assert(!/[\u4e00-\u9fff]/.test(notes.replace(/["“][^"”]*["”]/g, "")), `English notes after inserting: ${notes}`);
        await tab(page, "Check");
        await click(page, "Check now");
        await idle(page);
        const texts = await page.locator(".finding .finding-message").allTextContents();
        assert(texts.length > 0, "a blank form has findings");
        for (const t of texts) {
          assert(!/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(t.replace(/"[^"]*"/g, "")), `English finding: ${t}`);
        }
        assert(texts.some((t) => t.startsWith("The department's duties are empty")), `the duties finding in English: ${texts.join(" | ")}`);
        // A wrong value typed by the user: the live re-check explains it in English too.
        await host(page, "userEdit", [["D7", "社区服务站覆盖数"], ["E7", "≥"], ["F7", "很多"]]);
        const live = page.locator('.finding[data-cell="F7"] .finding-message');
        await live.first().waitFor({ timeout: 10000 });
        const liveText = (await live.first().textContent()) ?? "";
        assert(liveText.startsWith('The target value "很多" of a quantitative indicator is not a plain number'), `live finding: ${liveText}`);
        await screenshot(page, "12b-english-findings");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "Internet Explorer 11 gets a plain Chinese notice naming the supported Excel versions (ES5 only)",
      async run() {
        // IE11 cannot be driven here: check the notice is ES5 and run it in place of the pane.
        for (const file of ["unsupported.js", "office-loader.js"]) {
          const source = readFileSync(join(DIST, file), "utf8");
          try {
            parseScript(source, { ecmaVersion: 5 });
          } catch (e: unknown) {
            throw new Error(`${file} is not ES5: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        const { page } = await open();
        const html = await page.evaluate(() => document.querySelector('script[nomodule]')?.getAttribute("src"));
        assert(html === "unsupported.js", "the notice is loaded with nomodule");
        await page.addScriptTag({ url: "unsupported.js" });
        const text = (await page.getByRole("alert").textContent()) ?? "";
        for (const name of ["Excel 2021", "Excel 2024", "Microsoft 365", "网页版 Excel", "Internet Explorer 11"]) {
          assert(text.includes(name), `the notice names ${name}: ${text}`);
        }
        assert((await page.locator("#app").count()) === 0, "the unusable pane is removed");
        await screenshot(page, "14-ie11-notice");
        await page.close();
      },
    },
    {
      name: "office.js falls back to the local copy when the CDN is unreachable",
      async run() {
        const { page } = await open({ cdnDown: true });
        assert(await page.locator("#insert-form").isEnabled(), "pane ready through the local copy");
        await page.close();
        const { page: lost } = await open({ cdnDown: true, localDown: true });
        const text = (await lost.getByRole("alert").first().textContent()) ?? "";
        assert(text.includes("无法加载 Office.js"), `says office.js could not load: ${text}`);
        await lost.close();
      },
    },
  ];
}

async function main(): Promise<void> {
  const reuse = process.argv.includes("--reuse-dist");
  process.stdout.write(reuse ? "使用已有的 dist/\n" : "构建 dist/ …\n");
  buildDist(reuse);
  const fakeHost = await bundleFakeHost();
  const server = await serveDist();
  const browser = await launchBrowser();
  let failed = 1;
  try {
    failed = await runCases(cases({ browser, origin: server.origin, fakeHost }));
  } finally {
    await browser.close();
    await server.close();
  }
  process.exit(failed === 0 ? 0 : 1);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`浏览器测试无法运行：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
