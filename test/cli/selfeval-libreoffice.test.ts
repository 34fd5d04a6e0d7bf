// `jixiao selfeval`'s workbook in LibreOffice: filled in, recalculated and checked; printed (mutation runs leave this
// file out: each run of soffice takes seconds).
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { loadWorkbookClass, readWorkbookGrids } from "../../src/cli/xlsx-read";
import { convertToPdf, sofficeConvert } from "../support/libreoffice";
import { parseJsonFindings, REPO, runCli, tempDir } from "./support";

jest.setTimeout(120_000);

const SEED = join(REPO, "test/fixtures/seed-corrected.csv");

describe("jixiao selfeval in LibreOffice", () => {
  const dir = tempDir("jixiao-selfeval-");
  const out = join(dir, "2026年自评.xlsx");

  beforeAll(async () => {
    const r = await runCli(["selfeval", SEED, "-o", out]);
    expect(r.status).toBe(0);
  });

  test("filled in and saved by LibreOffice (formulas recalculated), jixiao check finds exactly the real problems", async () => {
    const Workbook = loadWorkbookClass();
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("2026年自评")!;
    // A floor missed, the rest met; A and B with 85% execution and a reason; the floor's reason left out.
    const actuals = ["20000", "100%", "100%", "效果明显", "效果明显", "93%", "150"];
    actuals.forEach((a, i) => (ws.getCell(7 + i, 5).value = a));
    ws.getCell(5, 3).value = 156.91;
    ws.getCell(5, 4).value = 133.37;
    ws.getCell(5, 8).value = "两个项目延期到次年实施。";
    const filled = join(dir, "filled.xlsx");
    writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));
    const saved = tempDir("jixiao-selfeval-lo-");
    const [recalculated] = await sofficeConvert(filled, "xlsx", saved);
    const r = await runCli(["check", recalculated!, "--format", "json"]);
    const findings = parseJsonFindings(r.stdout).map((f) => `${f.rule}@${f.cell}`);
    // 满意度 93% against 95%: 1 point off under 每下降1%扣0.5分, and no reason given.
    expect(findings).toEqual(["deviation-reason-missing@H12"]);
    const grid = (await readWorkbookGrids(readFileSync(recalculated!)))[0]!.grid;
    expect(grid[11]?.[6]).toBe(9); // the score LibreOffice computed
    expect(grid[13]?.[6]).toBe(97.5); // budget 85% → 8.5, indicators 90 − 1
    expect(grid[13]?.[8]).toBe("优");
  });

  test("opens in LibreOffice and prints on A4 landscape", async () => {
    const pdf = await convertToPdf(out, tempDir("jixiao-selfeval-pdf-"));
    const text = readFileSync(pdf).toString("latin1");
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 84[12](\.\d+)? 59[45](\.\d+)?\s*\]/);
  });
});
