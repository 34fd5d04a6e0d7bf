#!/usr/bin/env node
// jixiao 命令行：运行 lib/ 中编译好的 JavaScript（npm ci、npm pack 时由 prepare 生成；开发时 npm run build:cli）。
"use strict";

const path = require("path");

let cli;
try {
  cli = require(path.join(__dirname, "..", "lib", "cli", "main.js"));
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(path.join("lib", "cli", "main.js"))) {
    process.stderr.write("命令行尚未构建：请在项目文件夹中运行 npm run build:cli（npm ci 会自动构建）。\n");
    process.exit(70);
  }
  throw e;
}
cli.run();
