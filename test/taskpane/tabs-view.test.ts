/**
 * @jest-environment jsdom
 */
// The tab list rendered in jsdom from the real pane markup: a click, the arrow keys, Home and End or a call
// from code show exactly one panel, mark exactly one tab selected and focusable, and tell the pane which
// panel is shown. The tabs show no workbook text; switching leaves their contents (the 检查 count) alone.
import { showTab, initTabs } from "../../src/taskpane/views/tabs";
import { byIdIn, mountPane } from "./pane-fixture";

const TABS = ["tab-template", "tab-check", "tab-scoring", "tab-settings"];
const PANELS = ["panel-template", "panel-check", "panel-scoring", "panel-settings"];

function mount() {
  mountPane();
  const onShow = jest.fn();
  initTabs(onShow);
  return { onShow };
}

/** Which tab is selected, which are focusable and which panels show, as one picture. */
function picture() {
  return {
    selected: TABS.filter((id) => byIdIn(id).getAttribute("aria-selected") === "true"),
    focusable: TABS.filter((id) => byIdIn(id).tabIndex === 0),
    shown: PANELS.filter((id) => !byIdIn(id).hidden),
  };
}

function press(id: string, key: string): KeyboardEvent {
  const e = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
  byIdIn(id).dispatchEvent(e);
  return e;
}

describe("tabs", () => {
  test("the pane starts on 模板, its panel the only one shown", () => {
    mount();
    expect(picture()).toEqual({ selected: ["tab-template"], focusable: ["tab-template"], shown: ["panel-template"] });
  });

  test("every click shows exactly that tab's panel, whatever was shown before, and names the panel", () => {
    const { onShow } = mount();
    for (const [i, id] of [2, 1, 3, 0, 3].map((n) => [n, TABS[n]!] as const)) {
      byIdIn(id).click();
      expect(picture()).toEqual({ selected: [id], focusable: [id], shown: [PANELS[i]] });
      expect(onShow).toHaveBeenLastCalledWith(PANELS[i]);
    }
    expect(onShow).toHaveBeenCalledTimes(5);
  });

  test("arrow keys move to the next and previous tab, wrapping, and take focus", () => {
    const { onShow } = mount();
    const right = press("tab-template", "ArrowRight");
    expect(right.defaultPrevented).toBe(true);
    expect(picture().selected).toEqual(["tab-check"]);
    expect(document.activeElement).toBe(byIdIn("tab-check"));
    press("tab-template", "ArrowLeft");
    expect(picture()).toEqual({ selected: ["tab-settings"], focusable: ["tab-settings"], shown: ["panel-settings"] });
    expect(document.activeElement).toBe(byIdIn("tab-settings"));
    press("tab-settings", "ArrowRight");
    expect(picture().selected).toEqual(["tab-template"]);
    expect(onShow.mock.calls.map((c) => c[0])).toEqual(["panel-check", "panel-settings", "panel-template"]);
  });

  test("Home and End go to the first and last tab; other keys do nothing", () => {
    const { onShow } = mount();
    press("tab-check", "End");
    expect(picture().selected).toEqual(["tab-settings"]);
    press("tab-settings", "Home");
    expect(picture().selected).toEqual(["tab-template"]);
    const other = press("tab-template", "a");
    expect(other.defaultPrevented).toBe(false);
    expect(picture().selected).toEqual(["tab-template"]);
    expect(onShow).toHaveBeenCalledTimes(2);
  });

  test("showTab from code is the same as a click; an unknown tab changes nothing", () => {
    const { onShow } = mount();
    showTab("tab-scoring");
    expect(picture()).toEqual({ selected: ["tab-scoring"], focusable: ["tab-scoring"], shown: ["panel-scoring"] });
    showTab("tab-nothing");
    expect(picture().selected).toEqual(["tab-scoring"]);
    expect(onShow).toHaveBeenCalledTimes(1);
  });

  test("switching leaves the tabs' own contents alone: the 检查 count badge stays as the check view set it", () => {
    mount();
    const badge = byIdIn("tab-check-count");
    badge.textContent = "12";
    badge.hidden = false;
    byIdIn("tab-check").click();
    byIdIn("tab-template").click();
    expect(byIdIn("tab-check-count")).toBe(badge);
    expect([badge.textContent, badge.hidden]).toEqual(["12", false]);
    expect(byIdIn("tab-check").textContent).toBe("检查12");
  });
});
