#!/usr/bin/env node
// Builds the command line to lib/ with tsc (npm's prepare, npm run build:cli, the tests' global setup).
// An installed package has no sources, tsconfig or compiler: it ships lib/ built, so there is nothing to do.
"use strict";

const { execFileSync } = require("child_process");
const { existsSync } = require("fs");
const path = require("path");

function buildCli() {
  const root = path.join(__dirname, "..");
  if (!existsSync(path.join(root, "tsconfig.cli.json"))) return;
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  } catch {
    if (existsSync(path.join(root, "lib", "cli", "main.js"))) return;
    throw new Error("构建命令行需要 TypeScript：请先运行 npm ci。");
  }
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
}

module.exports = buildCli;
if (require.main === module) buildCli();
