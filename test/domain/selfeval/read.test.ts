// 读自评表：按标签找到表格；一级指标里的分值；预算执行一栏；合计与等级；模板占位行不算指标；
// 画出来的自评表读回来，指标、目标、分值和计分方法都与生成时相同。
import { readFileSync } from "fs";
import { join } from "path";
import { readSelfEvaluations, level1Label, indicatorOfTableRow } from "../../../src/domain/selfeval";
import { parseCsv } from "../../support/libreoffice";
import { goodSelfEvaluation, selfEvalGrid } from "../../support/selfeval-grid";

describe("level1Label", () => {
  test.each([
    ["产出指标(50分)", "产出指标", 50],
    ["产出指标（50分）", "产出指标", 50],
    ["成本指标（0-20）分", "成本指标", 20],
    ["满意度指标 (10分)", "满意度指标", 10],
    ["效益指标", "效益指标", null],
  ])("%s → %s, %s", (text, name, points) => {
    expect(level1Label(text)).toEqual({ name, points });
  });
});

describe("readSelfEvaluations", () => {
  test("the drawn sheet reads back: same indicators, targets, points and methods; budget, total and grade", () => {
    const se = goodSelfEvaluation();
    const [table, ...rest] = readSelfEvaluations(selfEvalGrid());
    expect(rest).toEqual([]);
    expect(table!.headerRow).toBe(5);
    expect(table!.rows.map((r) => [r.level1, r.level2, r.level3, r.target])).toEqual(
      se.indicators.map((i) => [i.level1, i.level2, i.level3, i.target]),
    );
    const back = table!.rows.map(indicatorOfTableRow);
    expect(back.map((i) => [i.valueType, i.targetNumber, i.unit, i.points, i.method])).toEqual(
      se.indicators.map((i) => [i.valueType, i.targetNumber, i.unit, i.points, i.method]),
    );
    expect(table!.budget).toMatchObject({ row: 4, annual: { value: 100 }, spent: { value: 95 }, points: { value: 10 }, rate: { value: 0.95 } });
    expect(table!.total).toMatchObject({ row: 12, points: { value: 100 } });
    expect(table!.grade?.cell).toEqual({ row: 12, col: 8 });
  });

  test("a target table (no 实际完成值 or 得分) is not a self-evaluation", () => {
    const grid = selfEvalGrid().map((row, r) => (r === 5 ? row.map((c) => (c === "实际完成值" || c === "得分" ? "备注" : c)) : row));
    expect(readSelfEvaluations(grid)).toEqual([]);
  });

  test("template rows left in a published table are not indicators", () => {
    const grid = [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标（50分）", "数量指标", "指标1：培训人次", "≥1200人次", "1250人次", 10, 10, ""],
      ["", "", "指标2：", "", "", "", "", ""],
      ["", "", "……", "", "", "", "", ""],
      ["", "生态效益指标", "指标1：/", "/", "/", "", "", ""],
      ["总分", "", "", "", "", 100, 98, ""],
    ];
    const [table] = readSelfEvaluations(grid);
    expect(table!.rows.map((r) => r.level3)).toEqual(["指标1：培训人次"]);
    expect(table!.blocks).toEqual([{ level1: "产出指标", points: 50, row: 1 }]);
    expect(table!.rows[0]).toMatchObject({ actual: "1250人次", target: "≥1200人次", blockPoints: 50 });
    expect(table!.total).toMatchObject({ row: 5, points: { value: 100 }, score: { value: 98 } });
    expect(table!.budget).toBeNull();
  });

  test("a two-row header: 实际完成值, 分值, 得分 merged down from the row above; ﹦ read as =", () => {
    const grid = parseCsv(readFileSync(join(__dirname, "../../fixtures/selfeval-published-2020-two-row-header.csv"), "utf8"));
    const [table] = readSelfEvaluations(grid);
    expect(table!.headerRow).toBe(11);
    expect(table!.columns).toMatchObject({ level3: 2, valueType: 3, target: 4, unit: 5, actual: 6, points: 7, score: 8, reason: 9 });
    expect(table!.rows.map((r) => [r.level1, r.level3, r.actual, r.score.value])).toEqual([
      ["产出指标", "卫片执法补助经费", "72890", 9],
      ["产出指标", "项目验收合格率", "100", 19],
      ["产出指标", "项目完成及时率", "100", 19],
      ["效益指标", "违法行为责停率", "95", 27],
      ["满意度指标", "满意度", "95", null],
    ]);
    expect(indicatorOfTableRow(table!.rows[0]!)).toMatchObject({ valueType: "=", targetNumber: 72890, unit: "元", points: 10 });
    expect(table!.budget).toMatchObject({ annual: { value: 7.29 }, spent: { value: 7.29 }, rate: { value: 1 }, score: { value: 10 } });
  });
});
