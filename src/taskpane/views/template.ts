// 模板: insert the standard form, add rows, merge for printing, make next year's sheet and the self-evaluation.
import type { NextYearChange, PaneApi } from "../api-types";
import { byId, clear, element, markValidity, readInteger } from "../dom";
import type { Messages } from "../messages";
import type { Store } from "../state";
import type { Status } from "./status";

export function initTemplateView(
  api: PaneApi,
  status: Status,
  msg: Messages,
  defaultYear: number,
  store: Store,
  /** After the pane changed the workbook (the findings on show are out of date). */
  changed: () => Promise<void>,
): void {
  const year = byId<HTMLInputElement>("year");
  const deptName = byId<HTMLInputElement>("dept-name");
  const rowCount = byId<HTMLInputElement>("row-count");
  const updateMentions = byId<HTMLInputElement>("update-mentions");
  const resultBox = byId("next-year-result");
  const resultHeading = byId("next-year-heading");
  const resultList = byId("next-year-edits");
  year.value = String(defaultYear);
  // The year box follows the year of the form on the sheet until the user types a year of their own.
  let yearTyped = false;
  year.addEventListener("input", () => (yearTyped = true));
  store.subscribe((state, before) => {
    if (yearTyped || state.formYear === null || (before && state.formYear === before.formYear)) return;
    year.value = String(state.formYear);
  });

  function showChange(heading: string, change: NextYearChange): void {
    resultBox.hidden = false;
    resultHeading.textContent = heading;
    clear(resultList);
    if (change.edits.length === 0) resultList.appendChild(element("li", { text: msg.nextYearNoEdits }));
    for (const edit of change.edits) {
      const item = element("li", { className: "edit" });
      item.appendChild(element("span", { className: "cell-badge", text: edit.cell }));
      item.appendChild(element("span", { className: "edit-text", text: `“${edit.before}” → “${edit.after}”` }));
      if (edit.reason) item.appendChild(element("span", { className: "edit-reason", text: edit.reason }));
      resultList.appendChild(item);
    }
    for (const skip of change.skipped) {
      const item = element("li", { className: "edit edit-skipped" });
      item.appendChild(element("span", { className: "cell-badge", text: skip.cell }));
      item.appendChild(element("span", { className: "edit-text", text: skip.reason }));
      resultList.appendChild(item);
    }
  }

  byId("insert-form").addEventListener("click", async () => {
    const y = readInteger(year, 2000, 2100);
    if (!markValidity(year, y !== null) || y === null) {
      status.show("error", msg.yearInvalid);
      year.focus();
      return;
    }
    const done = await status.run(msg.busyInsert, () => api.insertForm({ year: y, deptName: deptName.value.trim() }));
    if (!done) return;
    // The Excel layer's notes say where the form went and what was skipped (e.g. print setup on
    // ExcelApi 1.8); the first is the success itself, the rest are things to know.
    const [first, ...rest] = done.notes;
    for (const note of rest.reverse()) status.show("warning", note);
    status.show("success", first ?? msg.inserted(done.sheetName));
    await changed();
  });

  byId("add-rows").addEventListener("click", async () => {
    const n = readInteger(rowCount, 1, 200);
    if (!markValidity(rowCount, n !== null) || n === null) {
      status.show("error", msg.rowCountInvalid);
      rowCount.focus();
      return;
    }
    const done = await status.run(msg.busyRows, () => api.addIndicatorRows(n));
    if (!done) return;
    status.show("success", msg.rowsAdded(done.added));
    await changed();
  });

  byId("merge").addEventListener("click", async () => {
    if (await status.run(msg.busyMerge, () => api.setPrintMerges(true)) !== null) status.show("success", msg.merged);
  });
  byId("unmerge").addEventListener("click", async () => {
    if (await status.run(msg.busyUnmerge, () => api.setPrintMerges(false)) !== null) status.show("success", msg.unmerged);
  });

  byId("preview-next-year").addEventListener("click", async () => {
    const change = await status.run(msg.busyPreview, () => api.previewNextYear(updateMentions.checked));
    if (change) showChange(msg.nextYearPreviewHeading(change.fromYear, change.toYear, change.edits.length), change);
  });
  byId("make-next-year").addEventListener("click", async () => {
    const change = await status.run(msg.busyNextYear, () => api.makeNextYear(updateMentions.checked));
    if (!change) return;
    showChange(msg.nextYearDoneHeading(change.sheetName, change.edits.length), change);
    status.show("success", msg.nextYearDone(change.sheetName));
  });
  byId("make-self-evaluation").addEventListener("click", async () => {
    const done = await status.run(msg.busySelfEval, () => api.makeSelfEvaluation());
    if (!done) return;
    const [first, ...rest] = done.notes;
    for (const note of rest.reverse()) status.show("info", note);
    status.show("success", first ?? done.sheetName);
  });
}
