// 表头标签、年度、签字栏、合计行等小判断的边界：每个写法的正例和只差一点的反例，
// 让判断里的每个锚点、量词、分支都有一个会失败的用例。

import {
  columnKeyOf,
  columnKeyUnder,
  headerFieldInline,
  headerFieldOf,
  isApprovalLine,
  isDirectionWord,
  isInstruction,
  isOtherColumnLabel,
  isRegionLabel,
  isRegionParentLabel,
  isSerialLabel,
  isSerialValue,
  isSignoffStart,
  isSubLabel,
  isTotalsLabel,
  isYearLabel,
  periodOf,
  signoffPairs,
  splitLevelWeight,
  yearLineOf,
} from "../../../src/domain/reader/labels";

describe("column labels", () => {
  test.each([
    ["三级指标", "level3"], ["指标值类型", "valueType"], ["评（扣）分标准", "scoringStandard"], ["评(扣)分标准", "scoringStandard"],
    ["*指标值", "target"], ["指标值：", "target"], ["计量 单位", "unit"], ["备 注", "remarks"],
    // a note after the label that does not change what it names
    ["指标值(必填)", "target"], ["指标值（必填）", "target"], ["指标值（年度）", "target"], ["指标值（万元）", "target"],
    ["指标值（单位：万元）", "target"], ["指标值（单位:万元） ", "target"], ["计划指标值(或计划水平)", "target"],
    ["分值（分）", "points"],
  ] as const)("%j names %s", (text, key) => expect(columnKeyOf(text)).toBe(key));

  test.each([
    "", "指标值（单位：万元）x", "指标值（万元）x", "指标值（一二三四五六七八九）", "指标值（）", "某某指标", "指标值说明书",
    "（单位：万元）", "值", "指标", "说明：反映情况",
  ])("%j names no column", (text) => expect(columnKeyOf(text)).toBeNull());

  test.each([
    ["指标值", "类型", "valueType"], // the lower label read under its parent
    ["", "指标值", "target"],
    ["指标值", "", "target"], // merged down both rows: the text stays in the upper cell
    ["指标值", "三级指标", "level3"], // the lower label wins
    ["绩效指标", "某某", null],
    ["某某", "", null],
    ["", "", null],
    ["评（扣）", "分标准", "scoringStandard"],
  ] as const)("under %j, %j names %s", (upper, lower, key) => expect(columnKeyUnder(upper, lower)).toBe(key));

  test.each([["序号", true], ["编号", true], ["序", true], ["行次", true], ["No.", true], ["no", true], ["NO", true], ["序 号：", true],
    ["序号1", false], ["x序号", false], ["No..", false], ["", false]] as const)("%j is a serial label: %s", (text, yes) =>
    expect(isSerialLabel(text)).toBe(yes),
  );

  test.each([["1", true], ["1234", true], ["12345", false], ["一", true], ["一、", true], ["(1)", true], ["（1）", true], ["1.", true],
    ["1．", true], ["２", true], [" 3 ", true], ["十一", true], ["十一二", true], ["十一二三", false], ["a", false], ["1、2", false],
    ["", false], ["()", false], ["、", false], ["1))", false], ["((1", false], ["x1", false], ["1x", false]] as const)(
    "%j is a serial value: %s",
    (text, yes) => expect(isSerialValue(text)).toBe(yes),
  );

  test.each([
    ["合计", true], ["合 计", true], ["小计", true], ["总计", true], ["总分", true], ["分值合计", true], ["合计分值", true], ["得分合计", true],
    ["合计（分）", true], ["合计(分值)：", true], ["合计：", true], ["合计:", true], ["合计（）", true], ["合计（一二三四）", true],
    ["合计（12345）", false], ["合计其他", false], ["x合计", false], ["合计：：", false], ["合计（分", false], ["", false],
  ] as const)("%j is a totals label: %s", (text, yes) => expect(isTotalsLabel(text)).toBe(yes));

  test.each([["实际完成值", true], ["得分：", true], ["未完成原因及拟采取的改进措施", true], ["", false], ["实际完成值说明", false],
    ["实际完成值一二三四五六七八九十一二", false],
    // a long cell is no label even when its letters spell one (cells are cut at 16 characters before the lookup)
    ["未完成原因及拟采取的改进 措施", true], ["未完成原因及拟采取的 改进 措施", true], ["未完成原因及拟采取的 改 进 措施", false]] as const)("%j is a self-evaluation column: %s", (text, yes) =>
    expect(isOtherColumnLabel(text)).toBe(yes),
  );

  test.each([["任务名称", true], ["主要内容", true], ["预算金额", true], ["金额(万元)", true], ["", false], ["任务名称x", false],
    ["年度总体目标完成 情况 综 述", true], ["年度总体目标完成情 况 综 述", true], ["年 度 总体目标完成情 况 综 述", false]] as const)(
    "%j is a sub-table label: %s",
    (text, yes) => expect(isSubLabel(text)).toBe(yes),
  );
});

describe("header fields", () => {
  test.each([
    ["单位名称", "deptName"], ["单位名称：", "deptName"], ["单位名称（盖章）", "deptName"], ["单位名称(必填)", "deptName"],
    ["部门（单位）职责", "duties"], ["年度目标", "goals"], ["* 年度履职目标", "goals"],
  ] as const)("%j is %s", (text, field) => expect(headerFieldOf(text)).toBe(field));

  test.each(["", "单位", "年度目标（123456789）", "单位名称x", "某某名称（盖章）"])("%j is no header field", (text) =>
    expect(headerFieldOf(text)).toBeNull(),
  );

  test.each([
    ["单位名称：某局", { field: "deptName", value: "某局" }],
    ["单位名称:  某局 ", { field: "deptName", value: "某局" }],
    ["单位名称：", { field: "deptName", value: "" }],
    ["单位名称：第一行\n第二行", { field: "deptName", value: "第一行\n第二行" }],
    ["年度目标：做好：某事", { field: "goals", value: "做好：某事" }],
    ["名：某局", null],
    ["x单位名称：某局", null],
    ["单位名称某局", null],
    ["某某：某局", null],
  ] as const)("%j inline is %j", (text, want) => expect(headerFieldInline(text)).toEqual(want));
});

describe("sign-off", () => {
  test.each([
    ["填表人：张三 联系电话：123，", [{ field: "filledBy", value: "张三" }, { field: "phone", value: "123" }]],
    ["单位负责人（签字）：刘伟", [{ field: "head", value: "刘伟" }]],
    ["填表人张三电话123", [{ field: "filledBy", value: "张三" }, { field: "phone", value: "123" }]],
    ["负责人: 王五；", [{ field: "head", value: "王五" }]],
    ["填表人：  ", [{ field: "filledBy", value: "" }]],
    ["填报日期：2026.10.12 ;, ", [{ field: "fillDate", value: "2026.10.12" }]],
    ["业务股室审核：王芳，绩效股审核：李强", [{ field: "businessReview", value: "王芳" }, { field: "performanceReview", value: "李强" }]],
    ["某某", []],
  ] as const)("%j holds %j", (text, pairs) => expect(signoffPairs(text)).toEqual(pairs));

  test.each([["填表人：", true], ["填表人", true], ["填表人 张三", true], [" 填表人：张三", true], ["填表人（签字）", true],
    ["填表人（签字）：张三", true], ["填表人张三", false], ["x填表人：", false], ["", false]] as const)(
    "%j starts the sign-off: %s",
    (text, yes) => expect(isSignoffStart(text)).toBe(yes),
  );

  test.each([
    ["填表说明：", true], ["填表说明", true], ["说明：xx", true], ["注:xx", true], ["注 ：xx", true], ["注  ：xx", true], ["注：xx", true],
    ["指标值类型：指标类型为定量的填写比较符号", true], ["指标名称：反映某某事情的情况如何", true],
    ["指标值类型：一二三四五六七八", true], ["指标值类型：一二三四五六七", false], ["指标值类型：一二三四\n五六七八", true],
    ["某某某：反映某某事情的情况如何", false], ["x填表说明：", false], ["填表说明x", false], ["某某填表说明", false], ["注意事项", false], ["", false],
  ] as const)("%j is an instruction: %s", (text, yes) => expect(isInstruction(text)).toBe(yes));

  test.each([
    ["主管部门审核意见", true], ["（盖章）", true], ["（公章）", true], ["(签字)", true], ["(签章)", true], ["(签名)", true], ["(签字盖章)", true],
    ["审批意见", true], ["初审意见", true], ["复审意见", true], ["审查意见", true], ["审核意见：", true], ["审核意见:", true],
    ["一二三四五六七八九十审核意见", true], ["一二三四五六七八九十一审核意见", false], ["年  月  日", true], ["2026年月日", true],
    ["年月日x", false], ["x年月日", false], ["部门盖章", true], ["单位公章：", true], ["x单位盖章", false],
    ["审核意见办理及时率", false], ["审查意见落实率", false], ["产出指标", false], ["单位名称", false], ["（盖章", false],
  ] as const)("%j is an approval line: %s", (text, yes) => expect(isApprovalLine(text)).toBe(yes));
});

describe("years", () => {
  test.each([
    ["（ 2026 ）年度", "2026"], ["（２０２７）年度", "2027"], ["(2027)年", "2027"], ["(2027)", null], ["2027年", "2027"], ["2027 年度", "2027"],
    ["2027", null], ["年度：2027", "2027"], ["年份: 2027", "2027"], ["预算年度 ： 2027年", "2027年"], ["预算年度：", ""],
    ["2027年度（", null], ["x2027年度", null], ["2027年度x", null], ["202年度", null], ["20277年度", null], ["（2027年度", "2027"],
    ["某年度：2027", null], ["（  ）年度", ""], ["（x）年度", "x"], ["（2027）年度 ", "2027"],
  ] as const)("%j holds %j", (text, year) => expect(yearLineOf(text)).toBe(year));

  test.each([["年度", true], ["预算年度：", true], ["预算年度", true], ["所属年度", true], ["年 份", true], ["编 制 年 度：", true], ["编 制 年 度 ：", false], ["编制年度编制年度", false],
    ["年", false], ["", false], ["预算年度说明", false]] as const)("%j is a year label: %s", (text, yes) => expect(isYearLabel(text)).toBe(yes));
});

describe("periods", () => {
  test.each([
    ["中长期指标", "longer"], ["中期目标", "longer"], ["长期绩效指标", "longer"], ["实施期指标值", "longer"], ["项目期", "longer"],
    ["绩效期指标", "longer"], ["年度指标", "annual"], ["年度目标", "annual"], ["本年指标", "annual"], ["本年度目标", "annual"],
    ["当年指标", "annual"], ["2027年度指标", "annual"], ["2027年指标", "annual"], ["三级指标(长期)", "longer"],
    ["二级指标（中长期）", "longer"], ["指标值（中期）", "longer"], ["指标值（实施期）", "longer"], ["指标值（项目期）", "longer"],
    ["指标值(年度)", "annual"], ["指标值（本年）", "annual"], ["指标值（本年度）", "annual"], ["指标值（当年）", "annual"],
    ["三级指标", null], ["年度履职目标", null], ["指标值（单位）", null], ["", null], ["x中长期", null], ["年度", null],
    ["指标值（长期）x", null], ["指标值（年度）x", null], ["202年度指标", null], ["中长期指标一二三四五六七八九十一二", null],
    ["中长期指标一二三四五六七八九十一", "longer"], ["指标值（绩效期）", null],
  ] as const)("period of %j is %s", (text, period) => expect(periodOf(text)).toBe(period));
});

describe("weights printed with a level name", () => {
  test.each([
    ["产出指标(50分)", { name: "产出指标", points: 50 }], ["成本指标（0-20）分", { name: "成本指标", points: 20 }],
    ["效益指标 30分", { name: "效益指标", points: 30 }], ["产出指标（权重：30）", { name: "产出指标", points: 30 }],
    ["产出指标（分值30）", { name: "产出指标", points: 30 }], ["产出指标30%", { name: "产出指标", points: 30 }],
    ["产出指标(30)", { name: "产出指标", points: 30 }], ["产出指标（20-30分）", { name: "产出指标", points: 30 }],
    ["产出指标（20~30）", { name: "产出指标", points: 30 }], ["产出指标（20至30）", { name: "产出指标", points: 30 }],
    ["产出指标（20—30）", { name: "产出指标", points: 30 }], ["产出指标(2.5分)", { name: "产出指标", points: 2.5 }],
    ["产出指标（20-30.5）", { name: "产出指标", points: 30.5 }], ["产出指标（2.55分）", { name: "产出指标", points: 2.55 }],
    ["产出指标（20-30.25）", { name: "产出指标", points: 30.25 }], ["产出指标30分", { name: "产出指标", points: 30 }],
    ["产出指标（３０分）", { name: "产出指标", points: 30 }], ["服务对象满意度指标（10分）", { name: "服务对象满意度指标", points: 10 }],
    ["某某某某某某某某某某某某指标(30分)", { name: "某某某某某某某某某某某某指标", points: 30 }],
  ] as const)("%j is %j", (text, want) => expect(splitLevelWeight(text)).toEqual(want));

  test.each(["产出指标", "数量指标（个）", "产出指标 30", "产出指标30", "指标(30分)", "x指标(30分)x", "产出指标(30分)x",
    "某某某某某某某某某某某某某某某指标(30分)", "产出指标（30.分）", "产出指标（.5分）", "产出指标（20-）分", "部分指标30"])("%j carries no weight", (text) =>
    expect(splitLevelWeight(text)).toBeNull(),
  );
});

describe("regions and directions", () => {
  test.each([["永定区", true], ["某省", true], ["某市", true], ["某县", true], ["某旗", true], ["某盟", true], ["某州", true], ["某镇", true],
    ["某乡", true], ["某街道", true], ["笏石街道办", true], ["某街道办事处", true], ["某村", true], ["某社区", true], ["某苏木", true],
    ["某嘎查", true], ["某 镇", true], ["区", false], ["一二三四五六七八九十一二区", true], ["一二三四五六七八九十一二三区", false],
    ["a区", false], ["区域", false], ["某区x", false]] as const)("%j is a place: %s", (text, yes) => expect(isRegionLabel(text)).toBe(yes));

  test.each([["区域目标值", true], ["区域绩效目标", true], ["区域指标值", true], ["区域目标", true], ["区域绩效目标值", true],
    ["区域 目标值", true], ["x区域目标", false], ["区域目标x", false], ["区域绩效", false]] as const)(
    "%j is a region parent: %s",
    (text, yes) => expect(isRegionParentLabel(text)).toBe(yes),
  );

  test.each([["正向", true], ["反向", true], ["中性", true], ["逆向", true], ["正向指标", true], ["正 向", true], ["正向x", false],
    ["x正向", false], ["正向指标指标", false], ["", false]] as const)("%j is a direction: %s", (text, yes) =>
    expect(isDirectionWord(text)).toBe(yes),
  );
});
