#!/usr/bin/env node
// Draws the add-in's icons (assets/icon-{16,32,64,80}.png) from one SVG, rendered by Chromium.
// Run again after changing the drawing: `node scripts/draw-icons.js` (needs /usr/bin/chromium or CHROMIUM).
"use strict";
const fs = require("fs");
const path = require("path");
const os = require("os");
const { chromium } = require("playwright-core");

const SIZES = [16, 32, 64, 80];

/** A sheet with a header row and a check mark: "a table that has been checked". */
function iconSvg(size) {
  const small = size <= 16;
  const stroke = small ? 1.6 : 1.2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <rect x="2" y="3" width="24" height="26" rx="2.5" fill="#ffffff" stroke="#107c41" stroke-width="${stroke + 0.4}"/>
  <rect x="2" y="3" width="24" height="7" rx="2.5" fill="#107c41"/>
  <rect x="2" y="7" width="24" height="3" fill="#107c41"/>
  ${small ? "" : `<path d="M10 10 V29 M2 16.5 H26 M2 22.5 H26" stroke="#107c41" stroke-width="${stroke}" fill="none"/>`}
  ${small ? `<path d="M2 18 H20" stroke="#107c41" stroke-width="${stroke}"/>` : ""}
  <circle cx="23.5" cy="23.5" r="7.5" fill="#0f6cbd" stroke="#ffffff" stroke-width="1.5"/>
  <path d="M19.6 23.6 L22.4 26.4 L27.4 20.8" stroke="#ffffff" stroke-width="2.2" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

async function main() {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-icons-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await context.newPage();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(size)}</body></html>`);
      const file = path.join(outDir, `icon-${size}.png`);
      await page.locator("svg").screenshot({ path: file, omitBackground: true });
      process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`绘制图标失败：${e && e.message ? e.message : e}\n`);
  process.exit(1);
});
