// Excel batches are not transactions: the operations before a failing one stay applied. For each command that
// writes in several steps, fail its syncs at every operation in turn: the workbook must be as it was, or hold
// the complete result, never something in between; the user's cells are part of both.

import { addIndicatorRows } from "../../src/excel/rows";
import { insertForm } from "../../src/excel/insert";
import { installNativeRules } from "../../src/excel/nativeRules";
import { makeNextFiscalYear } from "../../src/excel/fiscal";
import { checkActiveSheet } from "../../src/excel/check";
import { GOOD_ROWS } from "../support/form-grid";
import { failEveryOperation, seedForm, setup, teardown } from "./helpers";

// Each command runs once per operation it sends: slower than most tests on a busy machine.
jest.setTimeout(120_000);

afterEach(teardown);

async function expectUnchangedOrComplete(prepare: Parameters<typeof failEveryOperation>[0], command: () => Promise<unknown>): Promise<number> {
  const { before, complete, operations, after } = await failEveryOperation(prepare, command);
  expect(complete).not.toEqual(before); // the command does write
  expect(operations).toBeGreaterThan(3);
  const halfWritten = after.filter((a) => a.shape !== before && a.shape !== complete);
  expect(halfWritten.map((a) => a.index)).toEqual([]);
  return operations;
}

describe("a sync failing at every operation leaves the workbook unchanged or complete", () => {
  test("插入表样 into the empty active sheet", async () => {
    await expectUnchangedOrComplete(
      () => setup({ apiVersion: "1.9" }),
      () => insertForm({ year: 2027, deptName: "某县人力资源服务中心" }),
    );
  });

  test("插入表样 onto a new sheet beside the user's data", async () => {
    await expectUnchangedOrComplete(
      () => {
        const fake = setup({ apiVersion: "1.9" });
        fake.sheet("Sheet1").seed("A1", [["用户的数据", 42]]);
        return fake;
      },
      () => insertForm({ year: 2027 }),
    );
  });

  test("安装下拉列表与条件格式, first time", async () => {
    await expectUnchangedOrComplete(
      () => {
        const fake = setup();
        seedForm(fake);
        return fake;
      },
      () => installNativeRules(),
    );
  });

  test("安装下拉列表与条件格式 again, over rows typed below the rules", async () => {
    await expectUnchangedOrComplete(
      async () => {
        const fake = setup();
        seedForm(fake);
        const installed = await installNativeRules();
        if (!installed.ok) throw installed.error;
        fake.user.insertRows("Sheet1", "13:13");
        fake.user.edit("Sheet1", "B13:I13", [["满意度指标", "服务对象满意度指标", "用人单位满意度", "≥", "", "%", "用人单位对培训质量的满意程度。", ""]]);
        return fake;
      },
      () => installNativeRules(),
    );
  });

  test("添加指标行 at the end of a form with native rules", async () => {
    await expectUnchangedOrComplete(
      async () => {
        const fake = setup();
        seedForm(fake);
        const installed = await installNativeRules();
        if (!installed.ok) throw installed.error;
        return fake;
      },
      () => addIndicatorRows(2),
    );
  });

  test("生成下一年度, with marks on the source", async () => {
    await expectUnchangedOrComplete(
      async () => {
        const fake = setup();
        seedForm(fake, GOOD_ROWS, "A1", "Sheet1", { year: 2027 });
        fake.sheet("Sheet1").seed("H9", [["考核社会组织年检率情况。"]]);
        const marked = await checkActiveSheet();
        if (!marked.ok || marked.value.marked.length === 0) throw new Error("no marks to leave behind");
        return fake;
      },
      async () => {
        return makeNextFiscalYear({ updateMentions: true });
      },
    );
  });

  test("在表中标出 (marks written only where they changed)", async () => {
    await expectUnchangedOrComplete(
      () => {
        const fake = setup();
        seedForm(fake, GOOD_ROWS.map((r, i) => (i === 2 ? { ...r, explanation: "考核社会组织年检率情况。" } : r)));
        return fake;
      },
      () => checkActiveSheet(),
    );
  });
});
