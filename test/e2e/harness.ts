// The browser test harness: build dist/, bundle the fake Excel host for the browser, serve dist/ over
// http on localhost, drive Debian's Chromium with playwright-core. Run with `npm run test:e2e`.
import { execFileSync } from "child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "fs";
import { createServer, type Server } from "http";
import { tmpdir } from "os";
import { extname, join, normalize, resolve, sep } from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";

export const ROOT = resolve(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
export const RESULTS = join(ROOT, "test-results");
export const PANE_WIDTH = 350;
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FAKE_HOST_DIR = join(RESULTS, ".fake-host");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `npm run build` unless dist/ is there and the caller asked to reuse it. */
export function buildDist(reuse: boolean): void {
  if (reuse && existsSync(join(DIST, "taskpane.html"))) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ADDIN_URL: "" },
  });
}

/** The fake Excel host as one browser script (replaces office.js in the page). */
export async function bundleFakeHost(): Promise<string> {
  mkdirSync(FAKE_HOST_DIR, { recursive: true });
  const compiler = webpack({
    mode: "production",
    devtool: false,
    target: "web",
    entry: join(__dirname, "fake-host-entry.ts"),
    output: { path: FAKE_HOST_DIR, filename: "fake-host.js" },
    resolve: { extensions: [".ts", ".js"] },
    optimization: { minimize: false },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", target: "ES2019" } } },
        },
      ],
    },
  });
  await new Promise<void>((done, fail) =>
    compiler.run((err, stats) => {
      if (err) fail(err);
      else if (stats?.hasErrors()) fail(new Error(stats.toString({ all: false, errors: true })));
      else compiler.close(() => done());
    }),
  );
  return join(FAKE_HOST_DIR, "fake-host.js");
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
};

/** A tiny static server for dist/ on 127.0.0.1 (random port). */
export async function serveDist(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(DIST, urlPath));
    if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("static server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "jixiao-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: PANE_WIDTH, height: 900 },
    locale: "zh-CN",
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Options the fake host entry reads from the page before office.js "loads". */
export interface FakeHostOptions {
  displayLanguage?: string;
  apiVersion?: string;
  /** Values to put on the first sheet, from A1, before the pane starts. */
  grid?: Array<Array<string | number | boolean>>;
  /** Simulated round-trip latency, really waited, in ms. */
  latencyMs?: number;
  /** Make the office.js CDN unreachable so the page must use its local copy. */
  cdnDown?: boolean;
  /** Make the local copy unreachable too (read at each request: a test may serve it again later). */
  localDown?: boolean;
  /** The CDN accepts the request and then hangs this long before failing (ms). */
  cdnHangMs?: number;
  /** The first request for a pane file whose name starts with this fails (e.g. "scoring." for that chunk). */
  failOnce?: string;
  /** Requests for pane files whose name starts with this fail (read at each request: a test may serve them later). */
  refuse?: string;
  /** Requests for pane files whose name starts with `prefix` are answered `ms` later (a slow chunk). */
  slow?: { prefix: string; ms: number };
  /** Document settings stored in the workbook before the pane opens. */
  settings?: Record<string, unknown>;
}

export interface PaneProblems {
  /** Uncaught errors, console errors and CSP violations seen in the page. */
  errors: string[];
  /** Every URL the page requested, in order (the page's resource timing misses routed requests). */
  requests: string[];
}

/**
 * Opens the pane with the fake host in place of office.js. Every request that is neither the pane's own
 * origin nor the office.js CDN is aborted, so a test cannot depend on the network.
 */
export async function openPane(
  browser: Browser,
  origin: string,
  fakeHostScript: string,
  options: FakeHostOptions = {},
): Promise<{ page: Page; problems: PaneProblems }> {
  const page = await browser.context.newPage();
  const problems: PaneProblems = { errors: [], requests: [] };
  page.on("pageerror", (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.errors.push(`console: ${m.text()}`);
  });
  await page.addInitScript((opts) => {
    (window as unknown as { __fakeHostOptions: unknown }).__fakeHostOptions = opts;
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP blocked ${e.blockedURI} (${e.violatedDirective})`);
    });
  }, options);
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    problems.requests.push(url);
    if (url === CDN_OFFICE_JS) {
      if (options.cdnHangMs) {
        await new Promise((done) => setTimeout(done, options.cdnHangMs));
        await route.abort("timedout").catch(() => undefined);
      } else if (options.cdnDown) await route.abort("internetdisconnected");
      else await route.fulfill({ path: fakeHostScript, contentType: "text/javascript; charset=utf-8" });
    } else if (url.startsWith(origin + "/office-js/office.js")) {
      // The local fallback copy: the fake host stands in for it too.
      if (options.localDown) await route.abort("connectionrefused");
      else await route.fulfill({ path: fakeHostScript, contentType: "text/javascript; charset=utf-8" });
    } else if (options.refuse && url.startsWith(`${origin}/${options.refuse}`)) {
      await route.abort("connectionreset");
    } else if (options.failOnce && url.startsWith(`${origin}/${options.failOnce}`)) {
      options.failOnce = undefined;
      await route.abort("connectionreset");
    } else if (url.startsWith(origin + "/")) {
      if (options.slow && url.startsWith(`${origin}/${options.slow.prefix}`)) await new Promise((done) => setTimeout(done, options.slow?.ms));
      await route.continue().catch(() => undefined);
    } else {
      await route.abort("blockedbyclient");
    }
  });
  // Not "load": a hanging CDN request holds the load event back while the pane is long usable.
  await page.goto(`${origin}/taskpane.html`, { waitUntil: "domcontentloaded" });
  if (options.localDown) await page.locator("#office-missing").waitFor({ timeout: 15000 });
  else await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return { page, problems };
}

/** Saves a full-page screenshot at the pane's width and fails when anything is wider than the pane. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
  const overflow = await page.evaluate((width) => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > width) wide.push(`page ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      if (el.offsetParent === null) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5) wide.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} right=${Math.round(r.right)}`);
    }
    return wide;
  }, PANE_WIDTH);
  if (overflow.length > 0) throw new Error(`${name}: wider than ${PANE_WIDTH}px: ${overflow.slice(0, 5).join("; ")}`);
}

// ---- a minimal test runner (playwright-core has none; jest does not run browsers here) ----

export interface Case {
  name: string;
  run(): Promise<void>;
}

export async function runCases(cases: Case[]): Promise<number> {
  let failed = 0;
  for (const c of cases) {
    const started = Date.now();
    try {
      await c.run();
      process.stdout.write(`  ✓ ${c.name} (${Date.now() - started} ms)\n`);
    } catch (e: unknown) {
      failed++;
      process.stdout.write(`  ✗ ${c.name}\n    ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
  }
  process.stdout.write(`\n${cases.length - failed} passed, ${failed} failed\n`);
  return failed;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
