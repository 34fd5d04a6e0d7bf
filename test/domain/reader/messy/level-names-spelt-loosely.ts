import { HEADER_GOOD, LABELS, ROWS, standardPreamble, type MessyFixture } from "../messy-support";

// Level names with stray spaces are the names; a level-1 typed without 指标 ("产出") or a level-2 shortened
// ("数量") is not a realignment: the row is read as it sits and the name is left for level1-invalid /
// level2-invalid to report (with a suggestion), not guessed.
const rest = (cells: readonly string[]): string[] => cells.slice(2);
const fixture: MessyFixture = {
  title: "一级、二级指标名称写法不规范：多余空格照读；“产出”“数量”不猜，原样读出待报错",
  grid: [
    ...standardPreamble(),
    [...LABELS],
    ["产 出 指 标", "数量指标", ...rest(ROWS.count)],
    ["产出", "质量指标", ...rest(ROWS.quality)],
    ["", "数量", ...rest(ROWS.count).map((t, i) => (i === 0 ? "培训班期数" : t))],
    ["满意度", "服务对象满意度", ...rest(ROWS.satisfaction)],
    ["效益", "", ...rest(ROWS.social)],
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: ["产出指标", "数量指标", ...rest(ROWS.count)].join("|") },
        { row: 8, read: ["产出", "质量指标", ...rest(ROWS.quality)].join("|") },
        { row: 9, read: ["产出", "数量", "培训班期数", ...rest(ROWS.count).slice(1)].join("|") },
        { row: 10, read: ["满意度", "服务对象满意度", ...rest(ROWS.satisfaction)].join("|") },
        { row: 11, read: ["效益", "", ...rest(ROWS.social)].join("|") },
      ],
    },
  ],
};

export default fixture;
