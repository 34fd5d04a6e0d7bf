import { HEADER_GOOD, readOf, ROWS, standardPreamble, type MessyFixture } from "../messy-support";

// The same header from .xlsx: "指标值" repeats over both sub-columns, the other labels repeat down both rows.
// The sub-column labels come in the other order (指标值 before 指标值类型), as some offices print them.
const fixture: MessyFixture = {
  title: "“指标值”下分两列（.xlsx，合并区域重复），子列顺序为“指标值 | 指标值类型”",
  grid: [
    ...standardPreamble(),
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值类型", "计量单位", "指标解释", "评（扣）分标准", "备注"],
    ["产出指标", "数量指标", "职业技能培训人次", "1200", "≥", "人次", ROWS.count[6], ROWS.count[7], ""],
    ["产出指标", "质量指标", "培训合格率", "90", "≥", "%", ROWS.quality[6], ROWS.quality[7], ""],
    ["效益指标", "社会效益指标", "参训人员就业能力提升", "明显提升", "定性", "", ROWS.social[6], ROWS.social[7], ""],
  ],
  forms: [
    {
      headerRow: 7,
      year: 2027,
      header: HEADER_GOOD,
      rows: [
        { row: 8, read: readOf("count") },
        { row: 9, read: readOf("quality") },
        { row: 10, read: readOf("social") },
      ],
    },
  ],
};

export default fixture;
