// Entry point: wait for Office.js (CDN or the local fallback), pick the language, wire the four sections.
import "./zod-csp";
import { defaultFiscalYear } from "../domain/fiscal";
import { createPaneApi } from "./api";
import type { CheckReport } from "./api-types";
import { byId } from "./dom";
import { messagesFor, type Messages } from "./messages";
import { initCheckView } from "./views/check";
import { initScoringView } from "./views/scoring";
import { initSettingsView } from "./views/settings";
import { createStatus } from "./views/status";
import { initTabs } from "./views/tabs";
import { initTemplateView } from "./views/template";

/** Resolves once `Office` exists: at once when the CDN script ran, else after office-loader.js's fallback. */
function officeLoaded(): Promise<boolean> {
  if (typeof Office !== "undefined") return Promise.resolve(true);
  if ((window as { officeJsFailed?: boolean }).officeJsFailed) return Promise.resolve(false);
  return new Promise((resolve) => {
    window.addEventListener("officejsloaded", () => resolve(typeof Office !== "undefined"), { once: true });
    window.addEventListener("officejsfailed", () => resolve(false), { once: true });
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

function start(msg: Messages): void {
  const api = createPaneApi();
  const status = createStatus(msg);
  let expectedTotal = api.loadExpectedTotal();
  // Buttons that start a workbook operation are disabled while one runs.
  for (const id of ["insert-form", "add-rows", "merge", "unmerge", "preview-next-year", "make-next-year", "check-now", "read-selection", "write-standards", "fill-blank", "save-settings"]) {
    byId(id).setAttribute("data-op", "");
  }

  let onReport: (report: CheckReport) => void = () => undefined;
  const check = initCheckView(api, status, msg, () => expectedTotal, (report) => onReport(report));
  const scoring = initScoringView(api, status, msg, () => expectedTotal, () => check.checkNow());
  onReport = (report) => scoring.showTotal(report);
  initTemplateView(api, status, msg, defaultFiscalYear(new Date()));
  initSettingsView(api, status, msg, (total) => {
    expectedTotal = total;
    scoring.setExpectedTotal(total);
  });
  initTabs((panelId) => {
    if (panelId === "panel-scoring") void scoring.readSelection(true);
  });

  byId("app").setAttribute("aria-busy", "false");
  document.body.setAttribute("data-ready", "true");
  // For bench/startup.bench.ts: milliseconds from navigation to a usable pane.
  performance.mark("jixiao-ready");
}

async function main(): Promise<void> {
  if (!(await officeLoaded())) {
    const msg = messagesFor(navigator.language);
    translate(msg);
    createStatus(msg).show("error", msg.officeMissing);
    return;
  }
  const info = await Office.onReady();
  const msg = messagesFor(Office.context?.displayLanguage);
  document.documentElement.lang = msg === messagesFor("zh-CN") ? "zh-CN" : "en";
  translate(msg);
  start(msg);
  // Opened in a plain browser (or another Office app): say so now rather than fail on the first click.
  if (info.host !== Office.HostType.Excel) createStatus(msg).show("warning", msg.notInExcel);
}

void main();
