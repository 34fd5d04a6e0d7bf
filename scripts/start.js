#!/usr/bin/env node
// `npm start`: sideload into Excel where office-addin-debugging can (Windows, macOS); elsewhere serve the
// add-in over HTTPS and explain, in Chinese and English, how to upload manifest.xml to Excel on the web.
// `npm run start:web -- --document URL` opens a OneDrive/SharePoint workbook on the web with the add-in.
"use strict";
const { spawn } = require("child_process");
const path = require("path");
const os = require("os");

const ROOT = path.resolve(__dirname, "..");
const bin = (name) => path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(command, args) {
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code, signal) => process.exit(signal ? 1 : code ?? 0));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
}

function printWebInstructions() {
  const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
  const lines = [
    "",
    "加载项已在 https://localhost:3000/ 提供（开发服务器）。",
    "此系统无法自动旁加载到 Excel，请在网页版 Excel 中手动上传清单：",
    "  1. 在浏览器中打开网页版 Excel（https://www.office.com），新建或打开一个工作簿；",
    "  2. 点 插入 → 加载项 → 上传我的加载项（部分版本为 插入 → Office 加载项 → 管理我的加载项 → 上传我的加载项）；",
    `  3. 选择本项目的 ${path.join(ROOT, "manifest.xml")}，点“上传”；`,
    "  4. 在“开始”选项卡的“绩效目标”组中点“绩效目标表助手”。",
    "信任开发证书：首次运行会生成 " + certDir + "/ca.crt。",
    "  若浏览器提示证书不受信任，请把 ca.crt 导入浏览器或系统的“受信任的根证书颁发机构”，",
    "  或先在同一浏览器中打开 https://localhost:3000/taskpane.html 并选择继续访问；",
    "  也可运行 npx office-addin-dev-certs install（需要管理员权限）。",
    "",
    "The add-in is served at https://localhost:3000/ (dev server).",
    "This system cannot sideload into Excel automatically; upload the manifest in Excel on the web:",
    "  1. Open Excel on the web (https://www.office.com) and create or open a workbook;",
    "  2. Insert → Add-ins → Upload My Add-in (in some versions: Insert → Office Add-ins → Manage My Add-ins → Upload My Add-in);",
    `  3. Choose ${path.join(ROOT, "manifest.xml")} and click Upload;`,
    "  4. On the Home tab, in the Performance Targets group, click Target Table Helper.",
    "Trust the development certificate: the first run creates " + certDir + "/ca.crt.",
    "  If the browser says the certificate is not trusted, import ca.crt as a trusted root authority,",
    "  or open https://localhost:3000/taskpane.html in the same browser once and choose to proceed;",
    "  or run npx office-addin-dev-certs install (needs administrator rights).",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

function main() {
  const args = process.argv.slice(2);
  const web = args[0] === "web";
  const rest = web ? args.slice(1) : args;
  const canSideload = process.platform === "win32" || process.platform === "darwin";

  if (web && rest.includes("--document")) {
    // office-addin-debugging starts the dev server and opens the document with the add-in.
    run(bin("office-addin-debugging"), ["start", "manifest.xml", "web", ...rest]);
    return;
  }
  if (canSideload && !web) {
    run(bin("office-addin-debugging"), ["start", "manifest.xml", "desktop", ...rest]);
    return;
  }
  printWebInstructions();
  run(bin("webpack"), ["serve", "--mode", "development"]);
}

main();
