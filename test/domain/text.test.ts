// 规范化的性质测试：用户的各种写法都读成同一个值。

import fc from "fast-check";
import { VALUE_TYPES, type ValueType } from "../../src/domain/taxonomy";
import { normalizeValueType, parseNumber } from "../../src/domain/text";

/** Every spelling of a value type the form's users type, by the canonical symbol (SPEC section 2). */
const SPELLINGS: Readonly<Record<ValueType, readonly string[]>> = {
  "≥": [">=", "≥", "≧", "=>", "⩾", "大于等于", "大于或等于", "不低于", "不少于"],
  "≤": ["<=", "≤", "≦", "=<", "⩽", "小于等于", "小于或等于", "不高于", "不超过", "不多于"],
  ">": [">", "大于", "高于", "超过"],
  "<": ["<", "小于", "低于"],
  "=": ["=", "==", "等于"],
  定性: ["定性"],
};

const ALL = (Object.entries(SPELLINGS) as Array<[ValueType, readonly string[]]>).flatMap(([v, ss]) =>
  ss.map((s) => [s, v] as const),
);

/** ASCII to its full-width form (！..～). */
const fullWidth = (s: string): string =>
  Array.from(s, (ch) => {
    const c = ch.charCodeAt(0);
    return c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + 0xfee0) : ch;
  }).join("");

const space = fc.constantFrom("", " ", "  ", "\u3000", "\t", "\u00a0");

describe("normalizeValueType", () => {
  test.each(ALL)("%s → %s", (spelling, canonical) => {
    expect(normalizeValueType(spelling)).toBe(canonical);
  });

  test("canonical symbols round-trip", () => {
    for (const v of VALUE_TYPES) expect(normalizeValueType(v)).toBe(v);
  });

  test("any spelling, full-width or not, with stray spaces, reads as its symbol", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.boolean(), space, space, space, ([spelling, canonical], wide, a, b, mid) => {
        const chars = Array.from(wide ? fullWidth(spelling) : spelling);
        const typed = a + chars.join(mid) + b;
        expect(normalizeValueType(typed)).toBe(canonical);
      }),
    );
  });

  test("定量 alone, blanks and other words are not value types", () => {
    for (const s of ["定量", "", " ", "≥95", "大约", "定性指标", ">=="]) expect(normalizeValueType(s)).toBeNull();
    const word = fc
      .array(fc.constantFrom(..."定量性指标约数值目标abc123%"), { minLength: 1, maxLength: 6 })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(word, (s) => {
        fc.pre(s !== "定性");
        expect(normalizeValueType(s)).toBeNull();
      }),
    );
  });
});

/** "1234567" → "1,234,567". */
const withThousands = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

describe("parseNumber", () => {
  const formatted = fc.record({
    negative: fc.boolean(),
    intPart: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    fraction: fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
    thousands: fc.constantFrom("", ",", "，"),
    wide: fc.boolean(),
    before: space,
    after: space,
  });

  test("numbers written with thousands separators, full-width digits or spaces read as the number", () => {
    fc.assert(
      fc.property(formatted, (f) => {
        const plain = `${f.negative ? "-" : ""}${f.intPart.toString()}${f.fraction !== undefined ? `.${f.fraction}` : ""}`;
        let typed = `${f.negative ? "-" : ""}${withThousands(f.intPart.toString(), f.thousands)}${
          f.fraction !== undefined ? `.${f.fraction}` : ""
        }`;
        if (f.wide) typed = fullWidth(typed);
        expect(parseNumber(f.before + typed + f.after)).toBe(Number(plain));
      }),
    );
  });

  test("numbers stored as numbers come back unchanged", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => expect(parseNumber(n)).toBe(n)));
  });

  test("a number with a unit, a sign or words is not a plain number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom("%", "万元", "人次", "个"),
        fc.constantFrom("≥", "＞", "约", ""),
        (n, unit, prefix) => {
          expect(parseNumber(`${prefix}${n}${unit}`)).toBeNull();
        },
      ),
    );
    for (const s of ["", "按月安排", "1,23", "12,3456", "1.2.3", "--5"]) expect(parseNumber(s)).toBeNull();
  });
});
