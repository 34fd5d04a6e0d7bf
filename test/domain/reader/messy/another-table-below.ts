import { cellsOf, HEADER_GOOD, LABELS, readOf, standardPreamble, type MessyFixture } from "../messy-support";

// A form whose last rows are followed, after a few blank rows, by a budget table on the same sheet; and a grid
// with blank rows inside it before more indicator rows (those are still the grid's).
const fixture: MessyFixture = {
  title: "表下隔几行空行另有一张预算表（不读成指标行）；表内隔空行后仍有指标行，包括只填了三级指标起的新增行（照读）",
  grid: [
    ...standardPreamble(),
    [...LABELS],
    cellsOf("count"),
    [],
    [],
    [],
    ["", "质量指标", "培训合格率", "≥", "90", "%", "培训考核合格人数占参训人数的比例。", "达到90%得15分，每低1个百分点扣1分。", ""],
    [],
    [],
    [],
    ["", "", "新增培训班期数", "≥", "12", "期", "全年举办的培训班期数。", "完成得5分，未完成按比例计分。", ""],
    [],
    [],
    [],
    ["2027年部门预算支出表", "2027年部门预算支出表", "2027年部门预算支出表"],
    ["项目名称", "功能科目", "金额", "单位"],
    ["办公费", "2010101", 12, "万元"],
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("count") },
        { row: 11, read: readOf("quality") },
        { row: 15, read: "产出指标|质量指标|新增培训班期数|≥|12|期|全年举办的培训班期数。|完成得5分，未完成按比例计分。|" },
      ],
    },
  ],
};

export default fixture;
