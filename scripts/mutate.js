#!/usr/bin/env node
// Mutation testing in slices: each part of src is mutated against the tests written for it, so a mutant's run
// loads a handful of test files instead of the whole suite. One Stryker run per slice (each incremental), then
// the slices' JSON reports are merged into reports/mutation/mutation.json for the bench.
// The TypeScript checker is off by default: it rejects about one mutant in seven as not compiling but makes a run
// ten times slower (each mutant re-checks everything importing its file). `--typecheck` turns it on.
// Usage: npm run mutate [-- [--typecheck] [slice ...] [--mutate <file>]]   (slices: see SLICES; default all).
// Other options after the slices go to Stryker, e.g. `npm run mutate -- rules --mutate src/domain/rules/x.ts`.
"use strict";

const { spawnSync } = require("child_process");
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const REPORTS = path.join(ROOT, "reports");

/** Which sources each slice mutates, and the tests that own them. */
const SLICES = {
  rules: {
    mutate: ["src/domain/rules/**/*.ts"],
    tests: ["test/domain/rules/**", "test/domain/seed.test.ts", "test/domain/real-tables.test.ts"],
  },
  reader: {
    mutate: ["src/domain/reader/**/*.ts", "src/domain/grid.ts", "src/domain/layout.ts", "src/domain/text.ts", "src/domain/taxonomy.ts", "src/domain/findings.ts", "src/domain/settings.ts", "src/domain/form.ts", "src/domain/zod-locale.ts"],
    tests: ["test/domain/reader/**", "test/domain/grid.test.ts", "test/domain/text.test.ts", "test/domain/seed.test.ts", "test/domain/real-tables.test.ts"],
  },
  scoring: {
    mutate: ["src/domain/scoring/**/*.ts"],
    tests: ["test/domain/scoring/**"],
  },
  domain: {
    mutate: ["src/domain/selfeval/**/*.ts", "src/domain/fiscal/**/*.ts", "src/domain/native/**/*.ts"],
    tests: ["test/domain/selfeval/**", "test/domain/fiscal/**", "test/domain/native/**"],
  },
  cli: {
    mutate: ["src/cli/**/*.ts"],
    tests: ["test/cli/**"],
    // The command line runs in the test process (see test/cli/support.ts), where the mutant is switched on.
    setupFiles: ["<rootDir>/test/support/cli-in-process.js"],
    // These need the built bin or worker (lib/, absent from the sandbox): memory and time limits, ulimit writes;
    // and LibreOffice, seconds a run, which every mutant they cover would pay again.
    skipTests: [
      "test/cli/hostile.test.ts",
      "test/cli/template-write.test.ts",
      "test/cli/isolate-limits.test.ts",
      "test/cli/template-libreoffice.test.ts",
      "test/cli/selfeval-libreoffice.test.ts",
    ],
  },
  excel: {
    mutate: ["src/excel/**/*.ts"],
    tests: ["test/excel/**"],
  },
};

/** Message tables are words, not logic: left out everywhere. */
const NOT_MUTATED = ["!src/domain/messages/**", "!src/cli/messages*.ts", "!src/cli/selfeval-messages.ts", "!src/excel/messages*.ts"];

function sliceConfig(name, slice, base, typecheck, partial) {
  // A run on a few files (--mutate) keeps its own reports, so it never replaces the slice's whole report.
  const out = partial ? `${name}.partial` : name;
  const testMatch = slice.tests.map((t) => `<rootDir>/${t.endsWith("**") ? `${t}/*.test.ts` : t}`);
  const setupFiles = slice.setupFiles ?? [];
  const testPathIgnorePatterns = [
    ...(base.jest.config.testPathIgnorePatterns ?? []),
    ...(slice.skipTests ?? []).map((t) => `<rootDir>/${t}`),
  ];
  return {
    ...base,
    ...(typecheck ? { checkers: ["typescript"] } : {}),
    mutate: [...slice.mutate, ...NOT_MUTATED],
    jest: { ...base.jest, config: { ...base.jest.config, testMatch, setupFiles, testPathIgnorePatterns } },
    incrementalFile: `reports/stryker-incremental-${out}.json`,
    htmlReporter: { fileName: `reports/mutation/${out}.html` },
    jsonReporter: { fileName: `reports/mutation/${out}.json` },
  };
}

function merge(names) {
  const files = {};
  let schema = null;
  for (const name of Object.keys(SLICES)) {
    const file = path.join(REPORTS, "mutation", `${name}.json`);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    schema ??= report;
    Object.assign(files, report.files);
  }
  if (!schema) return;
  writeFileSync(path.join(REPORTS, "mutation", "mutation.json"), JSON.stringify({ ...schema, files }));
  console.log(`reports/mutation/mutation.json: ${Object.keys(files).length} files (slices run now: ${names.join(", ")})`);
}

function main() {
  const typecheck = process.argv.includes("--typecheck");
  const args = process.argv.slice(2).filter((a) => a !== "--typecheck");
  const firstOption = args.findIndex((a) => a.startsWith("--"));
  const sliceArgs = firstOption < 0 ? args : args.slice(0, firstOption);
  const strykerArgs = firstOption < 0 ? [] : args.slice(firstOption);
  const names = sliceArgs.length ? sliceArgs : Object.keys(SLICES);
  const partial = strykerArgs.some((a) => a === "--mutate" || a === "-m" || a.startsWith("--mutate="));
  const unknown = names.filter((n) => !SLICES[n]);
  if (unknown.length) {
    console.error(`未知的部分：${unknown.join("、")}。可选：${Object.keys(SLICES).join("、")}`);
    process.exit(2);
  }
  const base = JSON.parse(readFileSync(path.join(ROOT, "stryker.config.json"), "utf8"));
  delete base.$schema;
  mkdirSync(path.join(REPORTS, "mutation"), { recursive: true });
  const stryker = path.join(ROOT, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
  let failed = 0;
  for (const name of names) {
    const configFile = path.join(REPORTS, `stryker-${name}.config.json`);
    writeFileSync(configFile, JSON.stringify(sliceConfig(name, SLICES[name], base, typecheck, partial), null, 2));
    const started = Date.now();
    const r = spawnSync(process.execPath, [stryker, "run", configFile, ...strykerArgs], { cwd: ROOT, stdio: "inherit" });
    console.log(`slice ${name}: exit ${r.status}, ${((Date.now() - started) / 60000).toFixed(1)} min`);
    if (r.status !== 0) failed++;
  }
  if (!partial) merge(names);
  process.exit(failed ? 1 : 0);
}

main();
