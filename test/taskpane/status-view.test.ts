/**
 * @jest-environment jsdom
 */
// The message bars rendered from the pane state in a real DOM: text stays text, repeats merge, a dismissed
// bar goes, a bar shows only on its own tab, and a running operation disables the operation buttons.
import { element } from "../../src/taskpane/dom";
import { zh } from "../../src/taskpane/messages/zh";
import { createStore, initialState } from "../../src/taskpane/state";
import { createStatus } from "../../src/taskpane/views/status";

function pane() {
  document.body.textContent = "";
  document.body.appendChild(
    element("div", { attrs: { id: "app" } }, [
      element("div", { attrs: { id: "messages" } }),
      element("div", { attrs: { id: "progress" } }, [element("span", { attrs: { id: "progress-label" } })]),
      element("button", { text: "立即检查", attrs: { "data-op": "check" } }),
    ]),
  );
  const store = createStore(initialState({ expectedTotal: 90, liveCheck: false }));
  store.dispatch({ type: "tabShown", tab: "check" });
  return { store, status: createStatus(zh, store), box: document.getElementById("messages") as HTMLElement };
}

const bars = (box: HTMLElement) => Array.from(box.querySelectorAll(".message-text")).map((n) => n.textContent);

describe("status bars", () => {
  test("an error message holding markup shows as text, as an alert", () => {
    const { status, box } = pane();
    status.show("error", '<img src=x onerror="alert(1)">第 8 行');
    expect(bars(box)).toEqual([`${zh.errorPrefix}<img src=x onerror="alert(1)">第 8 行`]);
    expect(box.querySelector("img")).toBeNull();
    expect(box.querySelector(".message")?.getAttribute("role")).toBe("alert");
  });

  test("the same message twice is one bar with a count; dismissing it removes it", () => {
    const { status, box } = pane();
    status.show("warning", "分值合计不是 90 分");
    status.show("warning", "分值合计不是 90 分");
    expect(bars(box)).toEqual([`分值合计不是 90 分${zh.repeated(2)}`]);
    (box.querySelector(".message-close") as HTMLButtonElement).click();
    expect(bars(box)).toEqual([]);
  });

  test("a bar shows only on the tab that raised it, and comes back with that tab", () => {
    const { status, store, box } = pane();
    status.show("warning", "检查页的提示");
    store.dispatch({ type: "tabShown", tab: "settings" });
    expect(bars(box)).toEqual([]);
    store.dispatch({ type: "tabShown", tab: "check" });
    expect(bars(box)).toEqual(["检查页的提示"]);
  });

  test("while an operation runs its buttons are disabled; a failure becomes an error bar with its cell", async () => {
    const { status, box } = pane();
    const button = document.querySelector<HTMLButtonElement>("button[data-op]")!;
    let during = false;
    const got = await status.run("正在检查", async () => {
      during = button.disabled;
      return { ok: false as const, error: { code: "x", message: "读不到表格", cell: "D8" } };
    });
    expect(got).toBeNull();
    expect(during).toBe(true);
    expect(button.disabled).toBe(false);
    expect(bars(box)).toEqual([`${zh.errorPrefix}D8：读不到表格`]);
  });
});
