// The task pane in a real browser (Chromium) against the strict fake Excel host: click through as a user.
// `npm run test:e2e` (add `-- --reuse-dist` to skip the build). Screenshots go to test-results/*.png.
import { parse as parseScript } from "acorn";
import { readdirSync, readFileSync, statSync } from "fs";
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

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? readdirRecursive(join(dir, d.name)) : [join(dir, d.name)]));
}

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

/** Waits until the pane's background work (live check, selection reads) has gone quiet: no sync for 400 ms. */
async function settled(page: Page): Promise<void> {
  let last = await host(page, "syncCount");
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(400);
    const now = await host(page, "syncCount");
    if (now === last) return;
    last = now;
  }
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
        // The tab's code loads on first use: wait for its total line rather than for the progress bar.
        await page.waitForFunction(() => (document.querySelector("#points-total")?.textContent ?? "") !== "");
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
      name: "评分标准 on a self-evaluation sheet: each selected row's target, actual, points, written and computed score and why; no method controls",
      async run() {
        const grid = formGrid(GOOD_ROWS).map((row) => row.map((v) => v ?? ""));
        // Live checking off, so every round trip counted below is the scoring tab's.
        const { page, problems } = await open({ grid, settings: { liveCheck: false } });
        const source = await host(page, "activeSheetName");
        await click(page, "生成自评表");
        await idle(page);
        await page.locator(".message-success").filter({ hasText: "2027年自评" }).first().waitFor();
        // 130 against ≤120: over by 8.33%, one step of 2 off 20. 1080 of 1200: 90%, (90%-60%)/(1-60%)×15 = 11.25.
        await host(page, "userEdit", [["E7", "130"], ["E8", "1080"], ["G8", "15"]]);
        await tab(page, "评分标准");
        await host(page, "select", "B7:B9");
        await page.locator("#selection-info").filter({ hasText: "第 7–9 行" }).waitFor();
        const cards = page.locator("#selection-rows .row-card");
        assert((await cards.count()) === 3, `three rows listed: ${await cards.count()}`);
        const [c7 = "", c8 = "", c9 = ""] = await cards.allTextContents();
        assert(c7.includes("培训经费支出") && c7.includes("年度指标值：≤120万元") && c7.includes("实际完成值：130"), `row 7: ${c7}`);
        assert(c7.includes("分值：20 分") && c7.includes("算出得分：18 分") && c7.includes("依据：超出指标值"), `row 7 score and why: ${c7}`);
        assert(c8.includes("表中得分：15 分") && c8.includes("算出得分：11.25 分") && c8.includes("完成率 90%"), `row 8: ${c8}`);
        assert(c8.includes("相差超过 0.5 分"), `row 8's written score differs: ${c8}`);
        assert(!c7.includes("相差超过") && (await page.locator(".row-card-differs").count()) === 1, "only row 8 is flagged");
        assert(c9.includes("实际完成值：（未填写）") && c9.includes("尚未填写实际完成值"), `row 9 waits for its actual value: ${c9}`);
        assert(!(await page.locator("#methods").isVisible()) && !(await page.getByRole("button", { name: "写入选中行" }).isVisible()), "no method controls");
        assert(!(await page.getByRole("button", { name: "填写所有空白标准" }).isVisible()) && !(await page.locator("#points-total").isVisible()), "no fill button or total line");
        assert(await page.locator("#scores-hint").isVisible(), "says why the standard is not rewritten here");
        await screenshot(page, "18-selfeval-scoring");

        // The user fixes the score and clicks another row: the tab follows with one read.
        await host(page, "userEdit", [["G8", "11.25"]]);
        // Let whatever the edit itself set off finish first: only the selection change's reads are counted.
        await settled(page);
        const before = await host(page, "syncCount");
        await host(page, "select", "C8");
        await page.locator("#selection-info").filter({ hasText: "第 8 行" }).waitFor();
        await settled(page);
        assert((await host(page, "syncCount")) - before === 1, `one read per selection change: ${(await host(page, "syncCount")) - before}`);
        assert((await page.locator(".row-card-differs").count()) === 0, "no note once the written score agrees");

        // An actual value that is not a number: the card says what to enter.
        await host(page, "userEdit", [["E9", "大约九成"]]);
        await host(page, "select", "C9");
        await page.locator("#selection-info").filter({ hasText: "第 9 行" }).waitFor();
        const c9Again = (await cards.first().textContent()) ?? "";
        assert(c9Again.includes("读不出数字") && c9Again.includes("算出得分：—") && !c9Again.includes("依据："), `row 9 says what to enter: ${c9Again}`);

        // Back on the target table the method controls return.
        await host(page, "activate", source);
        await host(page, "select", "D8");
        await page.locator("#selection-info").filter({ hasText: "将写入第 8 行" }).waitFor();
        assert(await page.locator("#methods").isVisible(), "method controls on a target table");
        assert(!(await page.locator("#scores-hint").isVisible()), "the self-evaluation hint is gone");
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
        const headings = await page.locator(".row-heading").allTextContents();
        assert(headings.some((h) => h.startsWith("第 2 张表")), `second form's rows are headed with the form: ${headings.join(" | ")}`);
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
        await settled(page);
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
    // ---- issue 9: the pane tells the truth about the sheet ----
    {
      name: "#1 a fresh template with one filled row is offered only its share of the points, never all 90",
      async run() {
        const { page, problems } = await open();
        await insertForm(page, "某县民政局");
        await host(page, "userEdit", [["D8", "培训人次"], ["E8", "≥"], ["F8", "1200"], ["G8", "人次"], ["H8", "全年培训人次"]]);
        await host(page, "select", "D8");
        await tab(page, "评分标准");
        await page.locator("#selection-rows .row-card").first().waitFor();
        const points = Number(await page.getByLabel("分值", { exact: true }).inputValue());
        // Seven indicator rows in the template: 90 shared out is 12.5 each (half points), not 90 for the first.
        assert(points === 12.5, `the row is offered its share of 90 over 7 rows: ${points}`);
        const card = (await page.locator("#selection-rows .row-card").first().textContent()) ?? "";
        assert(card.includes("12.5分") && !card.includes("90分"), `the row's preview states its share: ${card}`);
        await click(page, "写入选中行");
        await idle(page);
        assert((await host(page, "cellText", "I8")).includes("12.5分"), `I8: ${await host(page, "cellText", "I8")}`);
        const total = (await page.locator("#points-total").textContent()) ?? "";
        assert(total.includes("12.5") && total.includes("应为 90") && !total.includes("一致"), `total against the setting: ${total}`);
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "#2 scoring follows the sheet's selection, writes only the rows shown, names them, and refuses when the selection moved",
      async run() {
        // Live checking off, so every round trip counted below is the scoring tab's.
        const { page, problems } = await open({ settings: { liveCheck: false } });
        await insertForm(page, "某县民政局");
        await host(page, "userEdit", [
          ["D8", "培训人次"], ["E8", "≥"], ["F8", "1200"], ["G8", "人次"], ["H8", "全年培训人次"],
          ["D9", "培训合格率"], ["E9", "≥"], ["F9", "90"], ["G9", "%"], ["H9", "培训合格人数占比"], ["I9", "合格率达到90%得10分"],
          ["D10", "补贴按时发放率"], ["E10", "="], ["F10", "100"], ["G10", "%"], ["H10", "按时发放比例"],
          ["D13", "群众满意度"], ["E13", "≥"], ["F13", "95"], ["G13", "%"], ["H13", "服务对象满意度调查"],
        ]);
        await tab(page, "评分标准");
        await host(page, "select", "D8:D10");
        await page.locator("#selection-info").filter({ hasText: "第 8–10 行" }).waitFor();
        const cards = page.locator("#selection-rows .row-card");
        assert((await cards.count()) === 3, `three rows listed: ${await cards.count()}`);
        const texts = await cards.allTextContents();
        assert(texts[0]?.includes("培训人次") && texts[0].includes("1200") && texts[0].includes("将写入"), `row 8 card: ${texts[0]}`);
        assert(texts[1]?.includes("现有标准：合格率达到90%得10分") && texts[1].includes("不会覆盖"), `row 9 shows its current standard: ${texts[1]}`);
        await screenshot(page, "20-scoring-three-rows");

        // The user clicks the satisfaction row: the tab follows (one read), the bands start at its 95% target.
        await settled(page);
        const before = await host(page, "syncCount");
        await host(page, "select", "D13");
        await page.locator("#selection-info").filter({ hasText: "第 13 行" }).waitFor();
        await settled(page);
        assert((await host(page, "syncCount")) - before === 1, `one read per selection change: ${(await host(page, "syncCount")) - before}`);
        const card13 = (await cards.first().textContent()) ?? "";
        assert(card13.includes("群众满意度") && card13.includes("满意度达到95%及以上"), `bands from the row's target: ${card13}`);
        await click(page, "写入选中行");
        await idle(page);
        assert((await host(page, "cellText", "I13")).includes("95%"), "row 13 written");
        for (const cell of ["I8", "I10"]) assert((await host(page, "cellText", cell)) === "", `${cell} untouched`);
        assert((await messages(page)).some((m) => m.includes("第 13 行（群众满意度）")), `the written row is named: ${(await messages(page)).join(" | ")}`);

        // The selection moves without the pane hearing of it: writing is refused, nothing changes.
        await host(page, "select", "D8");
        await page.locator("#selection-info").filter({ hasText: "第 8 行" }).waitFor();
        await settled(page);
        await host(page, "selectSilently", "D10");
        await click(page, "写入选中行");
        await idle(page);
        const alert = (await page.getByRole("alert").first().textContent()) ?? "";
        assert(alert.includes("第 10 行") && alert.includes("未写入"), `refused, naming where the selection is now: ${alert}`);
        assert((await host(page, "cellText", "I8")) === "" && (await host(page, "cellText", "I10")) === "", "nothing written after the selection moved");
        await page.locator("#selection-info").filter({ hasText: "第 10 行" }).waitFor();
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "#3 switching to an empty sheet replaces the findings with a plain no-form notice; messages belong to their tab and merge",
      async run() {
        const { page, problems } = await open();
        await insertForm(page, "某县民政局");
        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        assert((await page.locator(".finding").count()) > 0, "findings on the form's sheet");
        const summary = (await page.locator("#check-summary").textContent()) ?? "";
        assert(summary.includes("工作表“") && /\d\d:\d\d:\d\d/.test(summary), `findings say their sheet and time: ${summary}`);
        assert(((await page.locator("#tab-check-count").textContent()) ?? "") !== "", "the count is on the tab");
        // The template tab's success message is not shown on the check tab.
        assert(!(await messages(page)).some((m) => m.includes("插入")), "the template tab's message stays on its tab");

        await host(page, "addSheet", "空白表");
        await host(page, "activate", "空白表");
        await page.locator("#check-no-form").waitFor();
        assert((await page.locator(".finding").count()) === 0, "the previous sheet's findings are gone");
        assert((await page.getByRole("alert").count()) === 0, "no error bar for a sheet without a form");
        const notice = (await page.locator("#check-no-form").textContent()) ?? "";
        assert(notice.includes("没有找到绩效目标表"), notice);
        assert(!(await page.locator("#tab-check-count").isVisible()), "no count for a sheet without findings");
        await screenshot(page, "21-no-form");
        await page.getByRole("button", { name: "去插入标准表" }).click();
        assert((await page.locator('[role="tab"][aria-selected="true"]').textContent()) === "模板", "the offer leads to the template tab");
        // Inserting the form here makes the no-form notice out of date: the check tab follows at once.
        await insertForm(page, "某县民政局");
        await tab(page, "检查");
        await page.locator(".finding").first().waitFor({ timeout: 10000 });
        assert(await page.locator("#check-no-form").isHidden(), "the notice is gone once the sheet holds a form");
        assert(((await page.locator("#check-summary").textContent()) ?? "").includes("空白表"), "the findings are the new sheet's");

        await tab(page, "设置");
        await page.getByLabel("指标总分").fill("-3");
        await click(page, "保存");
        await click(page, "保存");
        const bars = await page.locator("#messages .message-error").allTextContents();
        assert(bars.length === 1 && bars[0]?.includes("（2 次）"), `the same message twice is one bar: ${bars.join(" | ")}`);
        assert((await page.locator("#messages .message-icon").count()) >= 1, "message bars have icons");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "#4 ticking 编辑时自动重新检查 starts live checking at once and the workbook remembers it",
      async run() {
        const { page, problems } = await open({ settings: { liveCheck: false } });
        await insertForm(page, "某县民政局");
        await tab(page, "检查");
        const box = page.getByLabel("编辑时自动重新检查");
        assert(!(await box.isChecked()), "unticked, as this workbook remembers");
        await host(page, "userEdit", [["D8", "培训人次"], ["E8", "≥"], ["F8", "很多"]]);
        await page.waitForTimeout(800);
        assert((await page.locator(".finding").count()) === 0, "nothing checked while unticked");
        await box.check();
        await page.locator('.finding[data-cell="F8"]').first().waitFor({ timeout: 10000 });
        assert((await host(page, "setting", "liveCheck")) === true, "remembered in the workbook");
        await host(page, "userEdit", [["F8", "1200"]]);
        await page.waitForFunction(() => !document.querySelector('.finding[data-cell="F8"]'), undefined, { timeout: 10000 });
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "#5 findings grouped by row (indicator heading, errors first), folded, filtered, paged; live updates keep focus and scroll",
      async run() {
        const bad = Array.from({ length: 300 }, (_, i) => ({ level1: i === 0 ? "产出指标" : "", level2: "数量指标", level3: `指标${i + 1}`, valueType: "≥", target: "很多", unit: "" }));
        const grid = formGrid([...GOOD_ROWS, ...bad]).map((row) => row.map((v) => v ?? ""));
        const { page, problems } = await open({ grid });
        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        const total = Number(((await page.locator("#tab-check-count").textContent()) ?? "0").trim());
        assert(total > 600, `many findings: ${total}`);
        const shown = await page.locator(".finding").count();
        assert(shown <= 150, `paged: ${shown} of ${total} rendered`);
        assert(await page.locator("#findings-more").isVisible(), "a button shows more");
        await page.locator("#findings-more").click();
        assert((await page.locator(".finding").count()) > shown, "more shown");
        // Row 13 (the first bad row): indicator as heading, its errors before its warnings.
        const group = page.locator('.row-group[data-row="13"]');
        const heading = (await group.locator(".row-heading").textContent()) ?? "";
        assert(heading.includes("第 13 行") && heading.includes("指标1"), `row heading names the indicator: ${heading}`);
        const kinds = await group.locator(".finding").evaluateAll((els) => els.map((e) => (e.classList.contains("finding-error") ? "e" : "w")).join(""));
        assert(/^e+w*$/.test(kinds), `errors first: ${kinds}`);
        const lineHeight = await group.locator(".finding-message").first().evaluate((e) => e.getBoundingClientRect().height);
        assert(lineHeight <= 20, `one-line title: ${lineHeight}px`);
        await group.locator(".finding-toggle").first().click();
        const opened = await group.locator(".finding-message").first().evaluate((e) => e.getBoundingClientRect().height);
        assert(opened >= lineHeight, "details unfold");
        await page.getByRole("button", { name: "只看警告" }).click();
        assert((await page.locator(".finding-error").count()) === 0 && (await page.locator(".finding-warning").count()) > 0, "filter by severity");
        await page.getByRole("button", { name: "全部", exact: true }).click();

        // Live update: focus a finding, scroll, then the user fixes another row.
        const target = page.locator('.row-group[data-row="20"] .finding').first();
        await target.focus();
        const scrollBefore = await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0);
        await host(page, "userEdit", [["F14", "100"]]);
        await page.waitForFunction(() => !document.querySelector('.finding[data-cell="F14"]'), undefined, { timeout: 10000 });
        const stillFocused = await target.evaluate((e) => document.activeElement === e);
        assert(stillFocused, "the focused finding keeps focus through the live update");
        const scrollAfter = await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0);
        assert(Math.abs(scrollAfter - scrollBefore) < 40, `scroll kept: ${scrollBefore} → ${scrollAfter}`);
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "screenshot: findings grouped by row with one expanded",
      async run() {
        const rows = GOOD_ROWS.map((r, i) => (i === 1 ? { ...r, target: "很多", unit: "" } : i === 2 ? { ...r, level3: "培训合格率90%", explanation: "" } : r));
        const { page, problems } = await open({ grid: formGrid(rows).map((row) => row.map((v) => v ?? "")) });
        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        await page.locator(".finding-toggle").first().click();
        await screenshot(page, "22-findings-by-row");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "#6 a CDN that hangs still gives a ready pane within 3 s from the local copy",
      async run() {
        const started = Date.now();
        const { page } = await open({ cdnHangMs: 30000 });
        const ms = Date.now() - started;
        assert(ms < 3000, `ready in ${ms} ms with the CDN hanging`);
        assert(await page.locator("#insert-form").isEnabled(), "usable");
        await page.close();
      },
    },
    {
      name: "#6 neither copy of office.js: controls disabled, one message, 重试 works once the script is served",
      async run() {
        const options: FakeHostOptions = { cdnDown: true, localDown: true };
        const { page } = await open(options);
        assert((await page.locator("#office-missing").count()) === 1, "one message");
        assert(((await page.locator("#office-missing").textContent()) ?? "").includes("无法加载 Office.js"), "says what failed");
        for (const id of ["insert-form", "check-now", "write-standards", "year", "live-check"]) {
          assert(await page.locator(`#${id}`).isDisabled(), `#${id} disabled`);
        }
        await screenshot(page, "23-office-failed");
        options.localDown = false; // the intranet server is back
        await page.getByRole("button", { name: "重试" }).click();
        await page.waitForSelector("body[data-ready=true]", { timeout: 10000 });
        assert((await page.locator("#office-missing").count()) === 0, "the message goes");
        assert(await page.locator("#insert-form").isEnabled(), "controls enabled again");
        await insertForm(page, "某县民政局");
        await page.close();
      },
    },
    {
      name: "#7 focus ring on checkboxes and radios, settings in the user's words, one primary button per tab, no 。。",
      async run() {
        const { page, problems } = await open();
        await tab(page, "检查");
        await page.locator("#check-now").focus();
        await page.keyboard.press("Tab");
        const ring = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return `${el.id} ${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`;
        });
        assert(/^live-check solid [1-9]/.test(ring), `visible focus ring on the checkbox: ${ring}`);
        for (const panel of ["panel-template", "panel-check", "panel-scoring", "panel-settings"]) {
          const n = await page.locator(`#${panel} .btn-primary`).count();
          assert(n <= 1, `${panel} has ${n} primary buttons`);
        }
        await tab(page, "设置");
        const caps = (await page.locator("#capabilities").textContent()) ?? "";
        assert(!/[A-Za-z]+\.[a-zA-Z]+|OrNullObject|triggerSource|onChanged/.test(caps), `no API names: ${caps}`);
        const labels = await page.evaluate(() => Array.from(document.querySelectorAll("[aria-label]")).map((e) => e.getAttribute("aria-label") ?? ""));
        assert(!labels.some((l) => l.includes("。。")), "no doubled full stops");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "#7 the year box defaults from the form on the sheet, not from the calendar",
      async run() {
        const grid = formGrid(GOOD_ROWS, { year: 2025 }).map((row) => row.map((v) => v ?? ""));
        const { page, problems } = await open({ grid });
        await page.waitForFunction(() => (document.getElementById("year") as HTMLInputElement).value === "2025", undefined, { timeout: 10000 });
        await page.getByLabel("年度").fill("2031");
        await tab(page, "检查");
        await click(page, "立即检查");
        await idle(page);
        assert((await page.getByLabel("年度").inputValue()) === "2031", "a year the user typed stays");
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "the 评分标准 tab loads on first use; a failed load is said and the next visit loads it",
      async run() {
        const options: FakeHostOptions = { failOnce: "scoring." };
        const { page, problems } = await open(options);
        const loaded = problems.requests.filter((u) => u.includes("/scoring."));
        assert(loaded.length === 0, `not loaded at start: ${loaded.join(", ")}`);
        await tab(page, "评分标准");
        const alert = page.getByRole("alert").first();
        await alert.waitFor();
        assert(((await alert.textContent()) ?? "").includes("没能从服务器加载"), "the failed load is said plainly");
        await tab(page, "模板");
        await tab(page, "评分标准");
        await page.locator("#methods .radio").first().waitFor();
        await page.close();
      },
    },
    {
      name: "the engine loads beside the first render: the pane is ready before it arrives, and 立即检查 waits for it",
      async run() {
        const grid = formGrid(GOOD_ROWS).map((row) => row.map((v) => v ?? ""));
        const { page, problems } = await open({ grid, slow: { prefix: "engine.", ms: 1500 } });
        const engine = () => problems.requests.filter((u) => u.includes("/engine."));
        assert(engine().length === 1, "the engine chunk is requested as the pane starts, before anything needs it");
        await tab(page, "检查");
        await click(page, "立即检查");
        assert(!(await page.locator("#progress").isHidden()), "the pane shows it is working while the engine loads");
        assert((await page.locator("#progress-label").textContent()) === "正在加载…", "and says it is loading");
        assert(await page.locator("#check-now").isDisabled(), "and the button waits");
        await page.waitForFunction(() => (document.querySelector("#check-empty")?.textContent ?? "").includes("检查通过"), undefined, { timeout: 10000 });
        assert(engine().length === 1, `the engine chunk is fetched once: ${engine().join(", ")}`);
        noProblems(problems);
        await page.close();
      },
    },
    {
      name: "a failed engine load at start is said plainly, live checking stays ticked, and the first check loads it",
      async run() {
        const grid = formGrid(GOOD_ROWS).map((row) => row.map((v) => v ?? ""));
        // Refused until the test serves it again: the preload and the start's own request both fail.
        const options: FakeHostOptions = { grid, refuse: "engine." };
        const { page, problems } = await open(options);
        await tab(page, "检查");
        // Live checking (ticked by default) needed the engine at start: its failure is said, the box stays ticked.
        const alert = page.getByRole("alert").first();
        await alert.waitFor();
        assert(((await alert.textContent()) ?? "").includes("没能从服务器加载"), "the failed load is said plainly");
        assert(await page.locator("#live-check").isChecked(), "live checking stays ticked");
        options.refuse = undefined;
        await click(page, "立即检查");
        await idle(page);
        assert(((await page.locator("#check-empty").textContent()) ?? "").includes("检查通过"), "the check ran with the engine loaded on the second try");
        assert(problems.errors.every((e) => e.includes("ERR_CONNECTION_RESET")), `only the refused request is logged: ${problems.errors.join("; ")}`);
        await page.close();
      },
    },
    {
      name: "#8 the fallback folder holds only what Excel loads (≤ 10 MB) and the pane starts from it",
      async run() {
        const files = readdirRecursive(join(DIST, "office-js"));
        const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
        assert(bytes <= 10 * 1024 * 1024, `office-js/ is ${Math.round(bytes / 1024 / 1024)} MB`);
        for (const f of ["office.js", "excel-web-16.00.js", "excel-win32-16.01.js", "excel-mac-16.00.js", "zh-cn/office_strings.js", "en-us/office_strings.js"]) {
          assert(files.includes(join(DIST, "office-js", f)), `office-js/${f} deployed`);
        }
        assert(!files.some((f) => /word-|outlook|powerpoint|\.debug\.js$/.test(f)), "nothing for other Office apps, no debug builds");
        const { page } = await open({ cdnDown: true });
        assert(await page.locator("#insert-form").isEnabled(), "ready through the local copy");
        await page.close();
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
