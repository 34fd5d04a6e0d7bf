/**
 * @jest-environment jsdom
 */
// The pane's DOM helpers in a real DOM: cell text is user data and must stay text, never markup.
import { byId, clear, element, markValidity, readInteger, readNumber } from "../../src/taskpane/dom";

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>培训&nbsp;合格率';

describe("element", () => {
  test("markup in cell text stays text: no element is made from it", () => {
    const node = element("li", { className: "finding", text: HOSTILE });
    expect(node.textContent).toBe(HOSTILE);
    expect(node.children).toHaveLength(0);
    expect(node.querySelector("img, script")).toBeNull();
    expect(node.innerHTML).toContain("&lt;img");
    expect(node.className).toBe("finding");
  });

  test("attribute values are set as values, and children are appended in order", () => {
    const a = element("span", { text: "甲" });
    const b = element("span", { text: "乙" });
    const node = element("button", { attrs: { title: '" onclick="x', "data-cell": "D8" } }, [a, b]);
    expect(node.getAttribute("title")).toBe('" onclick="x');
    expect(node.getAttribute("onclick")).toBeNull();
    expect(node.getAttribute("data-cell")).toBe("D8");
    expect(Array.from(node.children).map((c) => c.textContent)).toEqual(["甲", "乙"]);
    expect(node.textContent).toBe("甲乙");
  });

  test("no text or class given leaves the element bare", () => {
    const node = element("p", { className: "" });
    expect(node.childNodes).toHaveLength(0);
    expect(node.hasAttribute("class")).toBe(false);
  });
});

describe("byId and clear", () => {
  beforeEach(() => {
    document.body.textContent = "";
    document.body.appendChild(element("ul", { attrs: { id: "findings" } }, [element("li", { text: "一" }), element("li", { text: "二" })]));
  });

  test("byId finds the element, and says which one is missing from taskpane.html", () => {
    expect(byId("findings").tagName).toBe("UL");
    expect(() => byId("nothing")).toThrow("#nothing is missing from taskpane.html");
  });

  test("clear removes every child", () => {
    const list = byId("findings");
    clear(list);
    expect(list.childNodes).toHaveLength(0);
  });
});

describe("number boxes", () => {
  const box = (value: string): HTMLInputElement => {
    const input = element("input");
    input.value = value;
    return input;
  };

  test("readInteger takes whole numbers within the bounds only", () => {
    expect(readInteger(box(" 90 "), 1, 1000)).toBe(90);
    expect(readInteger(box("1"), 1, 1000)).toBe(1);
    expect(readInteger(box("1000"), 1, 1000)).toBe(1000);
    expect(readInteger(box("0"), 1, 1000)).toBeNull();
    expect(readInteger(box("1001"), 1, 1000)).toBeNull();
    expect(readInteger(box("9.5"), 1, 1000)).toBeNull();
    expect(readInteger(box("-5"), -10, 10)).toBeNull();
    expect(readInteger(box("9O"), 1, 1000)).toBeNull();
  });

  test("readNumber takes decimals, and blank or text as null", () => {
    expect(readNumber(box(" 12.5 "))).toBe(12.5);
    expect(readNumber(box("-3"))).toBe(-3);
    expect(readNumber(box(""))).toBeNull();
    expect(readNumber(box("   "))).toBeNull();
    expect(readNumber(box("十二"))).toBeNull();
    expect(readNumber(box("Infinity"))).toBeNull();
  });

  test("markValidity sets and clears aria-invalid and returns the verdict", () => {
    const input = box("x");
    expect(markValidity(input, false)).toBe(false);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(markValidity(input, true)).toBe(true);
    expect(input.hasAttribute("aria-invalid")).toBe(false);
  });
});
