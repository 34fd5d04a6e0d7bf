import { cellsOf, HEADER_GOOD, LABELS, readOf, standardPreamble, type MessyFixture } from "../messy-support";

// The whole sign-off in one cell with line breaks, "（签字）" after a label, and the 填表说明 under it.
const fixture: MessyFixture = {
  title: "签字栏整段写在一个单元格里（换行分隔），标签后带“（签字）”",
  grid: [
    ...standardPreamble(),
    [...LABELS],
    cellsOf("count"),
    cellsOf("satisfaction"),
    [],
    ["业务股室审核（签字）：王芳\n绩效股审核（签字）：李强\n填表人：张敏\n联系电话：0745-6221234\n填表日期：2026年10月12日\n单位负责人（签字）：刘伟"],
    ["填表说明："],
    ["1. 直接赋分。主要适用于进行“是”或“否”判断的单一评判指标。"],
  ],
  forms: [
    {
      headerRow: 6,
      header: HEADER_GOOD,
      rows: [
        { row: 7, read: readOf("count") },
        { row: 8, read: readOf("satisfaction") },
      ],
      signoff: { businessReview: "王芳", performanceReview: "李强", filledBy: "张敏", phone: "0745-6221234", fillDate: "2026年10月12日", head: "刘伟" },
    },
  ],
};

export default fixture;
