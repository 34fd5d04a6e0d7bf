// Entry point: wait for Office.js (office-loader.js: CDN with a timeout, or the local copy; 重试 when neither
// loads), pick the language, make the pane's one state and wire the four sections to it.
import "./zod-csp";
import { defaultFiscalYear } from "../domain/fiscal/years";
import { createPaneApi, loadEngine } from "./api";
import { byId, element } from "./dom";
import { isChinese, loadMessages, type Messages } from "./messages";
import { initCheckView } from "./views/check";
import type { ScoringView } from "./views/scoring";
import { initSettingsView } from "./views/settings";
import { createStatus, thrownMessage, type Status } from "./views/status";
import { showTab, initTabs } from "./views/tabs";
import { createStore, initialState, type TabId } from "./state";
import { initTemplateView } from "./views/template";

interface LoaderWindow {
  officeJsFailed?: boolean;
  jixiaoLoadOfficeJs?: () => void;
}

/** Resolves once office-loader.js has loaded `Office` (true) or given up on both copies (false). */
function officeLoaded(): Promise<boolean> {
  if (typeof Office !== "undefined") return Promise.resolve(true);
  if ((window as LoaderWindow).officeJsFailed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const loaded = () => done(typeof Office !== "undefined");
    const failed = () => done(false);
    function done(ok: boolean): void {
      window.removeEventListener("officejsloaded", loaded);
      window.removeEventListener("officejsfailed", failed);
      resolve(ok);
    }
    window.addEventListener("officejsloaded", loaded);
    window.addEventListener("officejsfailed", failed);
  });
}

/** Every control of the pane but `except`: disabled while office.js is missing, enabled again once it loads. */
function setControlsDisabled(disabled: boolean, except: Element | null = null): void {
  for (const el of Array.from(document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("#app button, #app input, #app select"))) {
    if (el !== except) el.disabled = disabled;
  }
}

/** Neither copy of office.js loaded: one clear message and a 重试 that tries both again. */
function officeMissing(msg: Messages): Promise<void> {
  const box = byId("messages");
  const retry = element("button", { className: "btn message-action", text: msg.officeRetry, attrs: { type: "button", id: "office-retry" } });
  const bar = element("div", { className: "message message-error", attrs: { role: "alert", id: "office-missing" } }, [
    element("span", { className: "message-icon message-icon-error", text: "✕", attrs: { "aria-hidden": "true" } }),
    element("span", { className: "message-text", text: msg.officeMissing }),
    retry,
  ]);
  box.insertBefore(bar, box.firstChild);
  setControlsDisabled(true, retry);
  return new Promise((resolve) => {
    retry.addEventListener("click", async () => {
      retry.disabled = true;
      const progress = byId("progress");
      progress.hidden = false;
      byId("progress-label").textContent = msg.officeLoading;
      (window as LoaderWindow).jixiaoLoadOfficeJs?.();
      const ok = await officeLoaded();
      progress.hidden = true;
      retry.disabled = false;
      if (!ok) return;
      bar.remove();
      setControlsDisabled(false);
      resolve();
    });
  });
}

/** Puts the chosen language's texts on the static elements (data-msg keys into the messages). */
function translate(msg: Messages): void {
  const texts = msg as unknown as Record<string, unknown>;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>("[data-msg]"))) {
    const text = texts[node.dataset.msg ?? ""];
    if (typeof text === "string") node.textContent = text;
  }
  for (const node of Array.from(document.querySelectorAll<HTMLElement>("[data-msg-label]"))) {
    const text = texts[node.dataset.msgLabel ?? ""];
    if (typeof text === "string") node.setAttribute("aria-label", text);
  }
  document.title = msg.appTitle;
}

const TAB_OF_PANEL: Readonly<Record<string, TabId>> = {
  "panel-template": "template",
  "panel-check": "check",
  "panel-scoring": "scoring",
  "panel-settings": "settings",
};

function start(msg: Messages): Status {
  const api = createPaneApi();
  const store = createStore(initialState({ expectedTotal: api.loadExpectedTotal(), liveCheck: api.loadLiveCheck() }));
  const status = createStatus(msg, store);
  const check = initCheckView(api, status, msg, store, () => {
    showTab("tab-template");
    byId("dept-name").focus();
  });
  // The 评分标准 tab's code loads when the tab is first shown; the pane starts without it.
  let scoring: Promise<ScoringView> | null = null;
  const scoringView = (): Promise<ScoringView> =>
    (scoring ??= import(/* webpackChunkName: "scoring" */ "./views/scoring").then(
      (m) => m.initScoringView(api, status, msg, store, () => check.checkNow()),
      (e: unknown) => {
        // Not served (a network glitch): say so, and try again the next time the tab is shown.
        scoring = null;
        status.show("error", thrownMessage(msg, e), "scoring");
        throw e;
      },
    ));
  // Follow the sheet's selection: read it (once per change) while the 评分标准 tab is shown, else when it is next shown.
  let selectionStale = true;
  void api.watchSelection(() => {
    if (store.state.tab === "scoring" && !status.busy) scoringView().then((v) => v.readSelection(), () => undefined);
    else selectionStale = true;
  });
  initTemplateView(api, status, msg, defaultFiscalYear(new Date()), store, () => check.refresh());
  initSettingsView(api, status, msg, store);
  initTabs((panelId) => {
    const tab = TAB_OF_PANEL[panelId];
    if (tab) store.dispatch({ type: "tabShown", tab });
    if (tab === "scoring") {
      const stale = selectionStale;
      selectionStale = false;
      scoringView().then((v) => v.shown(stale), () => undefined);
    }
  });

  byId("app").setAttribute("aria-busy", "false");
  document.body.setAttribute("data-ready", "true");
  // For bench/startup.bench.ts: milliseconds from navigation to a usable pane.
  performance.mark("jixiao-ready");
  return status;
}

async function main(): Promise<void> {
  // The engine (checking) is a chunk of its own: fetch it now, while office.js loads and the pane renders.
  // Operations that need it await it; a failure here is retried by the first of them.
  loadEngine().catch(() => undefined);
  if (!(await officeLoaded())) {
    const early = await loadMessages(navigator.language).catch(() => loadMessages("zh-CN"));
    translate(early);
    await officeMissing(early);
  }
  const info = await Office.onReady();
  const display = Office.context?.displayLanguage;
  const msg = await loadMessages(display);
  document.documentElement.lang = isChinese(display) ? "zh-CN" : "en";
  translate(msg);
  const status = start(msg);
  // Opened in a plain browser (or another Office app): say so now rather than fail on the first click.
  if (info.host !== Office.HostType.Excel) status.show("warning", msg.notInExcel, null);
}

void main();
