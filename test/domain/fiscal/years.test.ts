import fc from "fast-check";
import { defaultFiscalYear, findYearMentions, shiftYearMentions, writeYearLike } from "../../../src/domain/fiscal";

describe("defaultFiscalYear", () => {
  test("this year before September, next year from September on (local time)", () => {
    expect(defaultFiscalYear(new Date(2026, 0, 1))).toBe(2026);
    expect(defaultFiscalYear(new Date(2026, 7, 31, 23, 59, 59))).toBe(2026);
    expect(defaultFiscalYear(new Date(2026, 8, 1, 0, 0, 0))).toBe(2027);
    expect(defaultFiscalYear(new Date(2026, 11, 31, 23, 59))).toBe(2027);
  });

  test("for every day of a year, the answer is the year or the next, switching once at 1 September", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 0, max: 364 }), (year, day) => {
        const d = new Date(year, 0, 1 + day, 12);
        return defaultFiscalYear(d) === (d.getMonth() >= 8 ? year + 1 : year);
      }),
    );
  });
});

describe("findYearMentions", () => {
  const years = (text: string) => findYearMentions(text).map((m) => m.year);

  test.each([
    ["2026年完成", [2026]],
    ["2026年度部门整体支出绩效目标表", [2026]],
    ["（ 2026 ）年度", [2026]],
    ["(2026)年度", [2026]],
    ["2026 年", [2026]],
    ["2026-2028年规划", [2026, 2028]],
    ["2026—2028年度", [2026, 2028]],
    ["2026至2028年", [2026, 2028]],
    ["2026年-2028年", [2026, 2028]],
    ["２０２６年", [2026]],
    ["二〇二六年", [2026]],
    ["二零二六年度", [2026]],
    ["二〇二六至二〇二八年", [2026, 2028]],
    ["2026年12月31日前完成", [2026]],
    ["2025.12.12", [2025]],
    ["2026-01-05前", [2026]],
    ["2026/1/5", [2026]],
    ["2000年", [2000]],
    ["2100年", [2100]],
  ])("%s → %j", (text, expected) => {
    expect(years(text)).toEqual(expected);
  });

  test.each([
    "完成全年参保人数20000人",
    "预算2026.5万元",
    "联系电话：18274514999",
    "参保2026人",
    "1999年",
    "2101年",
    "12026年",
    "3.2026年",
    "2026.5",
    "2026.13.40",
    "一二〇二六年",
    "二〇二六",
    "工号20261年",
  ])("%s → no year", (text) => {
    expect(findYearMentions(text)).toEqual([]);
  });

  test("index and length cover the year itself", () => {
    const text = "部门（单位）（ 2026 ）年度，2026-2028年";
    const found = findYearMentions(text);
    expect(found.map((m) => text.slice(m.index, m.index + m.length))).toEqual(["2026", "2026", "2028"]);
  });

  // Random text built from pieces whose positions are known: filler, distractor numbers and year mentions.
  const filler = fc.string({ unit: fc.constantFrom(..."的工作完成率人元万，。；、 部门资金项目（）()".split("")), maxLength: 8 });
  const distractor = fc.constantFrom("20000人", "2026.5万元", "18274514999", "参保2026人", "156.91万元", "1999年", "12026户");
  const toWide = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
  const toChinese = (s: string) => [...s].map((d) => "〇一二三四五六七八九"[Number(d)]).join("");
  type Piece = { text: string; years: Array<{ offset: number; year: number }> };
  const mention: fc.Arbitrary<Piece> = fc
    .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 6 }))
    .map(([y, span, form]): Piece => {
      const s = String(y);
      const y2 = Math.min(2100, y + span);
      switch (form) {
        case 0:
          return { text: `${s}年`, years: [{ offset: 0, year: y }] };
        case 1:
          return { text: `${s}年度`, years: [{ offset: 0, year: y }] };
        case 2:
          return { text: `（ ${s} ）年度`, years: [{ offset: 2, year: y }] };
        case 3:
          return { text: `${s}-${y2}年`, years: [{ offset: 0, year: y }, { offset: 5, year: y2 }] };
        case 4:
          return { text: `${toWide(s)}年`, years: [{ offset: 0, year: y }] };
        case 5:
          return { text: `${toChinese(s)}年`, years: [{ offset: 0, year: y }] };
        default:
          return { text: `${s}.12.31`, years: [{ offset: 0, year: y }] };
      }
    });
  const piece: fc.Arbitrary<Piece> = fc.oneof(
    filler.map((text) => ({ text, years: [] })),
    distractor.map((text) => ({ text, years: [] })),
    mention,
  );

  test("years embedded in random text are found at the right index, and nothing else", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        // Keep digits of neighbouring pieces apart, as words do in real text.
        let text = "";
        const expected: Array<{ index: number; length: number; year: number }> = [];
        for (const p of pieces) {
          text += "，";
          for (const y of p.years) expected.push({ index: text.length + y.offset, length: 4, year: y.year });
          text += p.text;
        }
        expect(findYearMentions(text)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("shiftYearMentions", () => {
  test("moves the accepted years one year on, keeping how each was written and everything around it", () => {
    const text = "2025年基数；\n2026-2028年规划；二〇二九年度；２０２６年";
    const { text: out, moved } = shiftYearMentions(text, (y) => y >= 2026);
    expect(out).toBe("2025年基数；\n2027-2029年规划；二〇三〇年度；２０２７年");
    expect(moved).toEqual([
      { from: "2026", to: "2027" },
      { from: "2028", to: "2029" },
      { from: "二〇二九", to: "二〇三〇" },
      { from: "２０２６", to: "２０２７" },
    ]);
  });

  test("writeYearLike keeps the zero the text used", () => {
    expect(writeYearLike("二零二六", 2030)).toBe("二零三零");
    expect(writeYearLike("2026", 2027)).toBe("2027");
  });
});
