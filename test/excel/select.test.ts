import { selectCell } from "../../src/excel/select";
import { setup, teardown } from "./helpers";

afterEach(teardown);

describe("selectCell", () => {
  test("activates the sheet and selects the cell", async () => {
    const fake = setup({ sheets: ["Sheet1", "2027年"] });
    const r = await selectCell("2027年", "H9");
    expect(r.ok).toBe(true);
    expect(fake.activeSheet.name).toBe("2027年");
    const sheetId = fake.sheet("2027年").state.id;
    expect(fake.state.selection).toEqual({ sheetId, rect: { top: 8, left: 7, bottom: 8, right: 7 } });
  });

  test("a sheet that is gone is a typed error, not an exception", async () => {
    setup();
    const r = await selectCell("已删除", "A1");
    expect(r.ok ? null : r.error.code).toBe("sheet-missing");
    expect(r.ok ? "" : r.error.message).toMatch(/已删除/);
  });

  test("a malformed address is refused before anything is sent", async () => {
    const fake = setup();
    const r = await selectCell("Sheet1", "H0x");
    expect(r.ok).toBe(false);
    expect(fake.syncCount).toBe(0);
  });
});
