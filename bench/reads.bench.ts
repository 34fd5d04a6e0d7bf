// Bytes the add-in reads from Excel, with Excel on the web's 5 MB response limit on and 200-character texts in
// 指标解释 and 评（扣）分标准, on forms of 100, 1000 and 10,000 indicator rows:
//   selectionChangeBytes  a selection change with live checking on (leaving a dropdown cell, the costliest one)
//   checkBytes            在表中标出: the whole check, every slice of a long sheet included
//   check10000Ok          the check of 10,000 rows completed under the limit
// Budget: a selection change ≤ 10,240 bytes at every size.

import type { CellValue } from "../src/domain/grid";
import { markFindings } from "../src/excel/check";
import { startLiveCheck } from "../src/excel/live";
import { resetOwnWrites } from "../src/excel/ownWrites";
import { createFakeExcel, type FakeExcel, type Scalar } from "../test/support/fake-excel";
import { formGrid, GOOD_ROWS, type RowInput } from "../test/support/form-grid";

export const key = "reads";

const SIZES = [100, 1000, 10000] as const;
type Sizes = Record<"100" | "1000" | "10000", number>;

/** A 200-character text, different on every row. */
function longText(start: string, i: number): string {
  const body = `${start}第${i + 1}项：按季度统计，口径与上年一致，数据来源于业务系统台账和抽样核查记录，`;
  return body.repeat(Math.ceil(200 / body.length)).slice(0, 200);
}

function rows(n: number): RowInput[] {
  return Array.from({ length: n }, (_, i) => {
    const base = GOOD_ROWS[i % GOOD_ROWS.length] as RowInput;
    return { ...base, level3: `${String(base.level3)}${i + 1}`, explanation: longText(String(base.level3), i), scoringStandard: longText("完成得10分，", i) };
  });
}

function hostWithForm(n: number): { fake: FakeExcel; uninstall: () => void } {
  const fake = createFakeExcel({ apiVersion: "1.17", platform: "web", payloadLimit: 5 * 1024 * 1024 });
  const uninstall = fake.install(globalThis);
  resetOwnWrites();
  const grid = formGrid(rows(n), { year: 2027 });
  fake.sheet("Sheet1").seed("A1", grid.map((r) => r.map((v: CellValue): Scalar => (v === null || v === undefined ? "" : v))));
  return { fake, uninstall };
}

async function selectionChange(n: number): Promise<number> {
  const { fake, uninstall } = hostWithForm(n);
  try {
    let reported: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (reported = resolve));
    const started = await startLiveCheck(() => reported(), { debounceMs: 5 });
    if (!started.ok) throw started.error;
    await first;
    fake.user.select("Sheet1", "C8"); // a 二级指标 cell: it has a dropdown
    await fake.flushEvents();
    fake.resetCounters();
    fake.user.select("Sheet1", "H8"); // leaving it: the one selection change that reads (the cell left)
    await fake.flushEvents();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const bytes = fake.responseBytes;
    await started.value.stop();
    return bytes;
  } finally {
    uninstall();
  }
}

async function check(n: number): Promise<{ bytes: number; ok: boolean }> {
  const { fake, uninstall } = hostWithForm(n);
  try {
    fake.resetCounters();
    const r = await markFindings();
    return { bytes: fake.responseBytes, ok: r.ok };
  } finally {
    uninstall();
  }
}

export async function run(): Promise<{ selectionChangeBytes: Sizes; checkBytes: Sizes; check10000Ok: boolean }> {
  const selectionChangeBytes = {} as Sizes;
  const checkBytes = {} as Sizes;
  let check10000Ok = false;
  for (const n of SIZES) {
    selectionChangeBytes[String(n) as keyof Sizes] = await selectionChange(n);
    const c = await check(n);
    checkBytes[String(n) as keyof Sizes] = c.bytes;
    if (n === 10000) check10000Ok = c.ok;
  }
  return { selectionChangeBytes, checkBytes, check10000Ok };
}
