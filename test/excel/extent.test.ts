// Native rules cover the rows where people type: a row typed just below the block is marked by the check
// until the rules are installed again, which extends every format and dropdown to it without duplicates.

import { conditionalFormatSpecs, validationSpecs } from "../../src/domain/native";
import { markFindings } from "../../src/excel/check";
import { markAreaOf } from "../../src/excel/marks";
import { installNativeRules } from "../../src/excel/nativeRules";
import { GOOD_ROWS } from "../support/form-grid";
import { seedForm, setup, teardown } from "./helpers";

afterEach(teardown);

const FIRST = 6;
const LAST = FIRST + GOOD_ROWS.length - 1; // 0-based: rows 7..12 on the sheet
const BELOW = LAST + 2; // 1-based row just below the block (the template's spare row)

/** A row typed under the block with its 评（扣）分标准 left blank (a rule the native formats show). */
function typeRowBelow(fake: ReturnType<typeof setup>): void {
  fake.user.edit("Sheet1", `B${BELOW}:H${BELOW}`, [["满意度指标", "服务对象满意度指标", "用人单位满意度", "≥", 90, "%", "用人单位对培训质量的满意程度。"]]);
}

describe("rows typed below the native rules", () => {
  test("are marked by the check until the next install extends the rules; then the native formats show them", async () => {
    const fake = setup();
    seedForm(fake);
    const first = await installNativeRules();
    if (!first.ok) throw first.error;
    typeRowBelow(fake);

    const before = await markFindings();
    if (!before.ok) throw before.error;
    const missing = before.value.findings.find((f) => f.rule === "scoring-missing");
    expect(missing?.cell).toBe(`I${BELOW}`);
    expect(before.value.marked).toContain(`I${BELOW}`); // no native format reaches row 13 yet

    const again = await installNativeRules();
    if (!again.ok) throw again.error;
    const specs = conditionalFormatSpecs({ first: FIRST, last: BELOW - 1 });
    const formats = fake.sheet("Sheet1").conditionalFormats.filter((cf) => markAreaOf(cf.formula ?? "") === null);
    // Exactly one format per spec, each over the grown block; the dropdowns reach the new row as well.
    expect(formats.map((cf) => [cf.formula, cf.address]).sort()).toEqual(specs.map((s) => [s.formula, s.range]).sort());
    for (const v of validationSpecs({ first: FIRST, last: BELOW - 1 })) {
      expect(fake.sheet("Sheet1").validations.some((x) => x.address === v.range)).toBe(true);
    }

    const after = await markFindings();
    if (!after.ok) throw after.error;
    expect(after.value.findings.some((f) => f.rule === "scoring-missing" && f.cell === `I${BELOW}`)).toBe(true);
    expect(after.value.marked).not.toContain(`I${BELOW}`); // the native format shows it now
  });

  test("installing three times leaves one format per spec and writes no format the second and third time", async () => {
    const fake = setup();
    seedForm(fake);
    for (let i = 0; i < 3; i++) {
      const r = await installNativeRules();
      if (!r.ok) throw r.error;
      if (i > 0) expect(r.value.conditionalFormats).toEqual([]);
    }
    const specs = conditionalFormatSpecs({ first: FIRST, last: LAST });
    expect(fake.sheet("Sheet1").conditionalFormats.map((cf) => cf.formula).sort()).toEqual(specs.map((s) => s.formula).sort());
  });
});
