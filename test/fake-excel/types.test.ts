// Compile-time check that the fake's properties have the types @types/office-js gives them, so code typed
// against Excel.* reads from the fake what it would read from Excel. (Methods return fake objects, which are
// not structurally whole Excel objects: the single cast between the two lives in FakeExcel.run.)
import type {
  FakeConditionalFormat,
  FakeDataValidation,
  FakeNamedItem,
  FakePageLayout,
  FakeRange,
  FakeRangeBorder,
  FakeRangeFill,
  FakeRangeFont,
  FakeRangeFormat,
  FakeWorksheet,
} from "../support/fake-excel/objects";
import type { ChangedArgs } from "../support/fake-excel";

type Conforms<Fake, Real> = Fake extends Real ? true : false;
type Assert<T extends true> = T;

export type Checks = [
  Assert<Conforms<FakeRange, Pick<Excel.Range, "address" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "cellCount" | "values" | "formulas" | "numberFormat" | "text" | "isNullObject">>>,
  Assert<Conforms<FakeRangeFormat, Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText">>>,
  Assert<Conforms<FakeRangeFont, Pick<Excel.RangeFont, "name" | "size" | "bold" | "italic" | "color">>>,
  Assert<Conforms<FakeRangeFill, Pick<Excel.RangeFill, "color">>>,
  Assert<Conforms<FakeRangeBorder, Pick<Excel.RangeBorder, "color">>>,
  Assert<Conforms<FakeWorksheet, Pick<Excel.Worksheet, "name" | "id" | "position" | "isNullObject">>>,
  Assert<Conforms<FakePageLayout, Pick<Excel.PageLayout, "centerHorizontally" | "centerVertically">>>,
  Assert<Conforms<FakeDataValidation, Pick<Excel.DataValidation, "ignoreBlanks">>>,
  Assert<Conforms<FakeConditionalFormat, Pick<Excel.ConditionalFormat, "id" | "priority" | "stopIfTrue">>>,
  Assert<Conforms<FakeNamedItem, Pick<Excel.NamedItem, "name" | "formula" | "comment" | "visible">>>,
  Assert<Conforms<Omit<ChangedArgs, "getRange" | "getRangeOrNullObject">, Pick<Excel.WorksheetChangedEventArgs, "address" | "source" | "worksheetId" | "type">>>,
];

test("the fake's property types conform to @types/office-js (checked by tsc)", () => {
  const ok: Checks = [true, true, true, true, true, true, true, true, true, true, true];
  expect(ok.every(Boolean)).toBe(true);
});
