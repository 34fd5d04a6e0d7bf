#!/usr/bin/env node
// npm's pretest: the tests need LibreOffice Calc (agreement tests), Chromium (pane end-to-end) and CJK fonts.
// Present: nothing to do. Missing on Debian/Ubuntu as root or with passwordless sudo: install them.
// Otherwise stop at once, naming the one command to run, instead of failing minutes later.
"use strict";

const { execFileSync, spawnSync } = require("child_process");
const { existsSync } = require("fs");
const { join } = require("path");

const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"];

function onPath(name) {
  return (process.env.PATH || "").split(":").some((dir) => dir && existsSync(join(dir, name)));
}

function missingPackages() {
  const missing = [];
  if (!process.env.SOFFICE && !SOFFICE.some(existsSync) && !onPath("soffice")) missing.push("libreoffice-calc-nogui");
  if (!existsSync(process.env.CHROMIUM || "/usr/bin/chromium")) missing.push("chromium");
  const fonts = spawnSync("fc-list", { encoding: "utf8" });
  if (fonts.status === 0 && !/noto sans cjk/i.test(fonts.stdout)) missing.push("fonts-noto-cjk");
  return missing;
}

function canInstall() {
  if (process.platform !== "linux" || !onPath("apt-get")) return null;
  if (typeof process.getuid === "function" && process.getuid() === 0) return [];
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? ["sudo"] : null;
}

const missing = missingPackages();
if (missing.length > 0) {
  const command = `sudo apt-get install -y ${missing.join(" ")}`;
  const prefix = canInstall();
  if (prefix === null) {
    process.stderr.write(
      `测试需要 ${missing.join("、")}，尚未安装。请先运行：\n  ${command}\n` +
        `（其他系统：安装 LibreOffice 和 Chromium，并用环境变量 SOFFICE、CHROMIUM 指明它们的位置。）\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`正在安装测试所需的 ${missing.join("、")}……\n`);
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", ...missing, "fontconfig"]);
}
