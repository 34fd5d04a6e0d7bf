// The pane's zod: only the mini API (the classic API was most of the bundle), and never eval under the pane's CSP.
import { readFileSync, existsSync } from "fs";
import { dirname, join, resolve } from "path";

const SRC = join(__dirname, "..", "..", "src");

/** Every specifier a module imports or re-exports, static or dynamic. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    const s = m[1] ?? m[2];
    if (s) found.push(s);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [`${base}.ts`, join(base, "index.ts")];
  const hit = candidates.find((c) => existsSync(c));
  if (!hit) throw new Error(`${from}: cannot resolve ${specifier}`);
  return hit;
}

/** Package imports of every source module reachable from `entry`, by importing module. */
function packageImports(entry: string): Map<string, string[]> {
  const seen = new Set<string>();
  const packages = new Map<string, string[]>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const s of specifiers(file)) {
      if (s.startsWith(".")) queue.push(resolveLocal(file, s));
      else packages.set(file, [...(packages.get(file) ?? []), s]);
    }
  }
  return packages;
}

describe("the pane's zod", () => {
  const entry = join(SRC, "taskpane", "taskpane.ts");
  const imports = packageImports(entry);
  const zodImports = [...imports].flatMap(([file, specs]) =>
    specs.filter((s) => s === "zod" || s.startsWith("zod/")).map((s) => `${file.slice(SRC.length + 1)}: ${s}`),
  );

  test("the walk reaches the domain's schemas", () => {
    expect(zodImports).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^domain[\\/]settings\.ts: zod\/mini$/),
        expect.stringMatching(/^domain[\\/]scoring[\\/]schema\.ts: zod\/mini$/),
        expect.stringMatching(/^taskpane[\\/]zod-csp\.ts: zod\/mini$/),
      ]),
    );
  });

  test("no module the pane imports uses zod's classic API", () => {
    expect(zodImports.filter((s) => !s.endsWith(": zod/mini"))).toEqual([]);
  });

  test("zod-csp is the pane's first import", () => {
    expect(specifiers(entry)[0]).toBe("./zod-csp");
  });
});

describe("zod under the pane's CSP", () => {
  // zod keeps its config on globalThis (shared by every copy of zod), so each load gets a fresh one.
  const holder = globalThis as { __zod_globalConfig?: unknown };

  /** Runs `load` with fresh modules and zod config, and counts the `new Function` calls it makes (what the CSP forbids). */
  function functionCalls(load: () => void): number {
    const original = globalThis.Function;
    const config = holder.__zod_globalConfig;
    holder.__zod_globalConfig = {};
    let calls = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args: string[]) {
        calls++;
        return Reflect.construct(target, args);
      },
    });
    try {
      jest.isolateModules(load);
    } finally {
      globalThis.Function = original;
      holder.__zod_globalConfig = config;
    }
    return calls;
  }

  function parseWithDomain(): void {
    const settings = require("../../src/domain/settings") as typeof import("../../src/domain/settings");
    const scoring = require("../../src/domain/scoring") as typeof import("../../src/domain/scoring");
    for (let i = 0; i < 3; i++) {
      settings.parseSettings({ expectedTotal: 80 + i, language: "en" });
      scoring.ScoringMethodSchema.parse({ kind: "proportional", variant: "rate", points: 10 + i });
      scoring.ScoringMethodSchema.safeParse({ kind: "satisfaction", points: 10, bands: [{ min: 0.9, points: 10 }] });
    }
  }

  /** The classic API compiles object parsers with `new Function` unless told not to. */
  function parseWithClassic(): void {
    const { z } = require("zod") as typeof import("zod");
    const schema = z.object({ points: z.number() });
    for (let i = 0; i < 3; i++) schema.parse({ points: i });
  }

  test("the domain's schemas, loaded after zod-csp as in the pane, never call `new Function`", () => {
    expect(functionCalls(() => (require("../../src/taskpane/zod-csp"), parseWithDomain()))).toBe(0);
  });

  test("the counter sees zod's eval: the classic API calls `new Function` by default", () => {
    expect(functionCalls(parseWithClassic)).toBeGreaterThan(0);
  });

  test("zod-csp's config reaches zod's shared core: even the classic API stays eval-free after it", () => {
    expect(functionCalls(() => (require("../../src/taskpane/zod-csp"), parseWithClassic()))).toBe(0);
  });
});
