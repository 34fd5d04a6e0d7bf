// The seed arrives as markdown: paragraphs become one-cell rows, table rows become cells.
import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue } from "../../src/domain/grid";

export function markdownToGrid(markdown: string): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (!line.startsWith("|")) {
      grid.push([line]);
      continue;
    }
    const cells = line.replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
    if (cells.every((c) => /^:?-*:?$/.test(c))) continue; // separator or all-empty row
    grid.push(cells);
  }
  return grid;
}

/** The seed form as one office filled it in (a copy of the product's seed, kept with the fixtures). */
export const SEED_PATH = join(__dirname, "../fixtures/seed.md");

export function seedGrid(): CellValue[][] {
  return markdownToGrid(readFileSync(SEED_PATH, "utf8"));
}
