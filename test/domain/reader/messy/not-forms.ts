import type { MessyFixture } from "../messy-support";

// Sheets that hold no form: a budget table, a letter, a statistics table with 指标名称 and 单位, the taxonomy
// list sheet the template adds, and the filling instructions alone.
const fixture: MessyFixture = {
  title: "不是绩效目标表的工作表：预算表、函、统计表、指标名称清单、填表说明",
  grid: [
    ["2027年部门预算支出表"],
    ["单位：万元"],
    ["项目名称", "功能科目", "金额", "单位", "备注"],
    ["办公费", "2010101", 12, "万元", ""],
    [],
    ["关于报送2027年部门整体支出绩效目标的函"],
    ["各股室：请按一级指标、二级指标、三级指标、指标值填报，于10月底前报送。"],
    [],
    ["序号", "指标名称", "计量单位", "2025年", "2026年", "增减", "备注"],
    [1, "参保人数", "人", 19000, 20000, 1000, ""],
    [],
    ["一级指标", "二级指标"],
    ["产出指标", "数量指标"],
    ["产出指标", "质量指标"],
    [],
    ["填表说明："],
    ["指标值类型：指标类型为定量（“≥”、“>”、“=”、“≤”、“<”上述五个符号之一）或定性。"],
  ],
  forms: [],
};

export default fixture;
