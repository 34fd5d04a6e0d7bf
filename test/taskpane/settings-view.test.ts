/**
 * @jest-environment jsdom
 */
// 设置 rendered in jsdom from the real pane markup with a fake workbook: the stored total shows (not the
// markup's default), a valid total is saved and reaches the pane state only once saved, an invalid one is
// refused at its box, the Office.js source box follows this computer's choice, and the capability list shows
// its labels as text, once.
import type { Capability, PaneResult } from "../../src/taskpane/api-types";
import { zh } from "../../src/taskpane/messages/zh";
import { initSettingsView } from "../../src/taskpane/views/settings";
import { bars, byIdIn, click, deferred, enabledOps, fakeApi, HOSTILE, injected, mountPane, settle, type } from "./pane-fixture";

const LOCAL_FIRST_KEY = "jixiao.officeJsLocalFirst";

function mount(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const pane = mountPane();
  pane.store.dispatch({ type: "tabShown", tab: "settings" });
  const api = fakeApi(overrides);
  initSettingsView(api, pane.status, zh, pane.store);
  return { ...pane, api };
}

const capabilities = () => Array.from(document.querySelectorAll<HTMLElement>("#capabilities > li"));

beforeEach(() => {
  window.localStorage.clear();
  document.documentElement.removeAttribute("data-office-local-first");
});

describe("settings view: the expected total", () => {
  test("shows the total stored with the workbook, not the markup's default", () => {
    mount({ loadExpectedTotal: () => 75 });
    expect(byIdIn<HTMLInputElement>("expected-total").value).toBe("75");
  });

  test("保存 saves the total typed, then the pane state holds it and says so", async () => {
    const { api, store } = mount();
    type("expected-total", "80");
    click("save-settings");
    await settle();
    expect(api.saveExpectedTotal).toHaveBeenCalledWith(80);
    expect(store.state.settings.expectedTotal).toBe(80);
    expect(bars()).toEqual([zh.settingsSaved(80)]);
    expect(byIdIn("expected-total").hasAttribute("aria-invalid")).toBe(false);
  });

  test.each(["0", "1001", "九十", ""])("a total of %p is refused at its box: marked, focused, not saved", async (value) => {
    const { api, store } = mount();
    type("expected-total", value);
    click("save-settings");
    await settle();
    const input = byIdIn<HTMLInputElement>("expected-total");
    expect(api.saveExpectedTotal).not.toHaveBeenCalled();
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(input);
    expect(bars()).toEqual([zh.errorPrefix + zh.settingsInvalid]);
    expect(store.state.settings.expectedTotal).toBe(90);
  });

  test("a save the workbook refuses leaves the pane's total as it was and shows why, as text", async () => {
    const { store } = mount({ saveExpectedTotal: () => Promise.resolve({ ok: false, error: { message: HOSTILE } }) });
    type("expected-total", "80");
    click("save-settings");
    await settle();
    expect(store.state.settings.expectedTotal).toBe(90);
    expect(bars()).toEqual([zh.errorPrefix + HOSTILE]);
    expect(injected()).toEqual([]);
  });

  test("while saving, 保存 and the other operation buttons are disabled; the total arrives only once saved", async () => {
    const pending = deferred<PaneResult<void>>();
    const { store } = mount({ saveExpectedTotal: () => pending.promise });
    type("expected-total", "100");
    click("save-settings");
    await settle();
    expect(enabledOps()).toEqual([]);
    expect(byIdIn("progress-label").textContent).toBe(zh.busySettings);
    expect(store.state.settings.expectedTotal).toBe(90);
    pending.resolve({ ok: true, value: undefined });
    await settle();
    expect(enabledOps()).toContain("save-settings");
    expect(store.state.settings.expectedTotal).toBe(100);
  });
});

describe("settings view: where Office.js comes from", () => {
  test("the box shows this computer's choice and stores a change", () => {
    window.localStorage.setItem(LOCAL_FIRST_KEY, "true");
    mount();
    const box = byIdIn<HTMLInputElement>("office-local-first");
    expect([box.checked, box.disabled]).toEqual([true, false]);
    box.click();
    expect(window.localStorage.getItem(LOCAL_FIRST_KEY)).toBe("false");
    expect(bars()).toEqual([zh.officeLocalFirstSaved(false)]);
  });

  test("unticked by default; a deployment built local-first shows it ticked and fixed", () => {
    mount();
    expect(byIdIn<HTMLInputElement>("office-local-first").checked).toBe(false);
    document.documentElement.setAttribute("data-office-local-first", "true");
    mount();
    const box = byIdIn<HTMLInputElement>("office-local-first");
    expect([box.checked, box.disabled]).toEqual([true, true]);
  });
});

describe("settings view: what this Excel can do", () => {
  const caps: Capability[] = [
    { op: "check", label: "check", supported: true },
    { op: "liveCheck", label: "liveCheck", supported: false, detail: "需要 ExcelApi 1.9" },
    { op: "unknownOp", label: HOSTILE, supported: false },
  ];

  test("each capability in the user's words, supported or not; a label without a name shows as text", () => {
    mount({ capabilities: () => caps });
    expect(capabilities().map((li) => [li.className, li.textContent])).toEqual([
      ["capability capability-ok", zh.capabilityOk(zh.capabilityNames.check!)],
      ["capability capability-missing", zh.capabilityMissing(zh.capabilityNames.liveCheck!, zh.capabilityUnavailable)],
      ["capability capability-missing", zh.capabilityMissing(HOSTILE, zh.capabilityUnavailable)],
    ]);
    expect(injected(byIdIn("capabilities"))).toEqual([]);
  });

  test("set up twice on the same page, the list is not doubled", () => {
    const { store, status } = mount({ capabilities: () => caps });
    initSettingsView(fakeApi({ capabilities: () => caps.slice(0, 1) }), status, zh, store);
    expect(capabilities()).toHaveLength(1);
  });
});
