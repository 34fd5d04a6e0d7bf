import type { MessyFixture } from "../messy-support";

// A project table: "*主管部门", the year as "(2022年度)", 总体目标 split into 中期目标 and 年度目标 (the 年度 one is the
// goals), 指标性质 holding 正向/反向 beside 指标方向 holding the comparison, a weight printed in a level-1 cell.
const fixture: MessyFixture = {
  title: "项目表：星号标签、(2022年度)、总体目标下的年度目标、指标性质填正向/反向、一级指标带分值",
  grid: [
    ["项目支出绩效目标表"],
    ["(2022年度)"],
    ["项目名称", "农村公路养护", "", "", "", ""],
    ["*主管部门", "某县交通运输局", "", "", "", ""],
    ["总体目标", "中期目标", "", "年度目标", "", ""],
    ["", "三年完成全县农村公路养护", "", "养护农村公路320公里", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "指标值"],
    ["产出指标(60分)", "数量指标", "养护里程", "正向", "≥", "320公里"],
    ["", "质量指标", "养护合格率", "正向", "≥", "95%"],
    ["成本指标（0-20）分", "经济成本指标", "每公里养护成本", "反向", "≤", "1.2万元"],
  ],
  forms: [
    {
      headerRow: 7,
      year: 2022,
      header: { deptName: "某县交通运输局", duties: "", goals: "养护农村公路320公里" },
      rows: [
        { row: 8, read: "产出指标|数量指标|养护里程|≥|320公里||||" },
        { row: 9, read: "产出指标|质量指标|养护合格率|≥|95%||||" },
        { row: 10, read: "成本指标|经济成本指标|每公里养护成本|≤|1.2万元||||" },
      ],
      missingColumns: [],
    },
  ],
};

export default fixture;
