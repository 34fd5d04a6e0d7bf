// 评分标准: follows the sheet's selection (one read per change): each selected indicator row with its target,
// its current standard and the text it will get; pick a method (the suggested one preselected) and its
// parameters; write exactly the rows shown (refused when the selection moved since), naming them; fill every
// blank standard; the running total against the expected total. On a self-evaluation sheet: each selected row's
// written and computed score and why, with the method controls hidden.
import { satisfactionBandsFor, targetShare } from "../../domain/scoring/defaults";
import { renderStandard } from "../../domain/scoring/render";
import {
  defaultSatisfactionBands,
  ScoringMethodSchema,
  type ScoringKind,
  type ScoringMethod,
} from "../../domain/scoring/schema";
import type { PaneApi, RowStandard, SelectedIndicator, SelectedRows, SelfEvalScores } from "../api-types";
import { byId, clear, element, markValidity, readNumber } from "../dom";
import type { Messages } from "../messages";
import type { PaneState, Store } from "../state";
import type { Status } from "./status";

const KINDS: readonly ScoringKind[] = ["direct", "proportional", "graded", "satisfaction"];
const BAND_COUNT = 3;
const DEFAULT_POINTS = 10;

/** What the parameter boxes hold; percentages as the user typed them (60 = 60%). */
interface Draft {
  kind: ScoringKind;
  variant: "rate" | "ceiling";
  points: number;
  deduction: number | null;
  thresholdPercent: number;
  stepPercent: number;
  ceilingDeduction: number;
  bands: Array<{ minPercent: number; points: number }>;
  /** Bands follow the points until the user edits one. */
  bandsEdited: boolean;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function draftFrom(method: ScoringMethod): Draft {
  const draft: Draft = {
    kind: method.kind,
    variant: "rate",
    points: method.points,
    deduction: null,
    thresholdPercent: 60,
    stepPercent: 10,
    ceilingDeduction: round2(method.points / 5),
    bands: defaultSatisfactionBands(method.points).map((b) => ({ minPercent: round2(b.min * 100), points: b.points })),
    bandsEdited: false,
  };
  if (method.kind === "direct") draft.deduction = method.deduction ?? null;
  if (method.kind === "proportional") {
    draft.variant = method.variant;
    if (method.variant === "rate") draft.thresholdPercent = round2(method.threshold * 100);
    else {
      draft.stepPercent = round2(method.step * 100);
      draft.ceilingDeduction = method.deduction;
    }
  }
  if (method.kind === "satisfaction") {
    draft.bands = method.bands.map((b) => ({ minPercent: round2(b.min * 100), points: b.points }));
  }
  return draft;
}

/** The method the draft describes, as input for the schema (which adds Chinese messages). */
function methodInput(d: Draft): unknown {
  switch (d.kind) {
    case "direct":
      return { kind: "direct", points: d.points, ...(d.deduction ? { deduction: d.deduction } : {}) };
    case "proportional":
      return d.variant === "rate"
        ? { kind: "proportional", variant: "rate", points: d.points, threshold: d.thresholdPercent / 100 }
        : { kind: "proportional", variant: "ceiling", points: d.points, step: d.stepPercent / 100, deduction: d.ceilingDeduction };
    case "graded":
      return { kind: "graded", points: d.points };
    case "satisfaction":
      return { kind: "satisfaction", points: d.points, bands: d.bands.map((b) => ({ min: b.minPercent / 100, points: b.points })) };
  }
}

export interface ScoringView {
  /** Reads the sheet's selection (once) and shows it. */
  readSelection(): Promise<void>;
  /** The tab was shown: read the selection if it changed while the tab was hidden (`stale`) or was never read. */
  shown(stale: boolean): void;
}

/** Rows listed one by one; the rest are counted (all are written). */
const LISTED_ROWS = 20;

export function initScoringView(
  api: PaneApi,
  status: Status,
  msg: Messages,
  store: Store,
  afterWrite: () => Promise<void>,
): ScoringView {
  const methodsBox = byId("methods");
  const paramsBox = byId("method-params");
  const preview = byId("preview");
  const previewLabel = byId("preview-label");
  const selectionInfo = byId("selection-info");
  const rowsBox = byId("selection-rows");
  const overwrite = byId<HTMLInputElement>("overwrite");
  const totalLine = byId("points-total");
  const controls = byId("standard-controls");
  const writeButton = byId("write-standards");
  const fillButton = byId("fill-blank");
  const scoresHint = byId("scores-hint");
  let draft = draftFrom({ kind: "direct", points: DEFAULT_POINTS });
  /** Parameter boxes the user typed into: those apply to every row; the rest follow each row's own defaults. */
  const edited = new Set<string>();
  let suggestedKind: ScoringKind | null = null;
  const inputs = new Map<string, HTMLInputElement>();
  /** Rows the draft was last reset for, to keep the user's choices while the same rows stay selected. */
  let draftRows = "";
  /** Selection reads in flight: only the newest answer is shown. */
  let readSeq = 0;

  function renderMethods(): void {
    clear(methodsBox);
    for (const kind of KINDS) {
      const id = `method-${kind}`;
      const radio = element("input", { attrs: { type: "radio", name: "method", id, value: kind } });
      radio.checked = draft.kind === kind;
      radio.addEventListener("change", () => {
        if (!radio.checked) return;
        draft.kind = kind;
        renderParams();
      });
      const text = msg.methodNames[kind] + (kind === suggestedKind ? msg.suggested : "");
      methodsBox.appendChild(element("div", { className: "radio" }, [radio, element("label", { text, attrs: { for: id } })]));
    }
  }

  /** A labelled number box bound to one draft field. */
  function numberField(key: string, label: string, value: number | null, set: (n: number | null) => void, step = "any"): HTMLElement {
    const id = `param-${key}`;
    const input = element("input", { attrs: { id, type: "number", step, min: "0", inputmode: "decimal" } });
    input.value = value === null ? "" : String(value);
    input.addEventListener("input", () => {
      edited.add(key.startsWith("band") ? "bands" : key);
      set(readNumber(input));
      updatePreview();
    });
    inputs.set(key, input);
    return element("div", { className: "field" }, [element("label", { text: label, attrs: { for: id } }), input]);
  }

  function renderParams(): void {
    clear(paramsBox);
    inputs.clear();
    paramsBox.appendChild(
      numberField("points", msg.pointsLabel, draft.points, (n) => {
        draft.points = n ?? 0;
        if (!edited.has("bands") && n) {
          draft.bands = defaultSatisfactionBands(n).map((b) => ({ minPercent: round2(b.min * 100), points: b.points }));
          for (let i = 0; i < draft.bands.length; i++) {
            const box = inputs.get(`band${i}-points`);
            const band = draft.bands[i];
            if (box && band) box.value = String(band.points);
          }
        }
      }),
    );
    if (draft.kind === "direct") {
      paramsBox.appendChild(numberField("deduction", msg.deductionLabel, draft.deduction, (n) => (draft.deduction = n)));
    }
    if (draft.kind === "proportional") {
      const select = element("select", { attrs: { id: "param-variant" } });
      for (const [value, label] of [["rate", msg.variantRate], ["ceiling", msg.variantCeiling]] as const) {
        const option = element("option", { text: label, attrs: { value } });
        option.selected = draft.variant === value;
        select.appendChild(option);
      }
      select.addEventListener("change", () => {
        draft.variant = select.value === "ceiling" ? "ceiling" : "rate";
        renderParams();
      });
      paramsBox.appendChild(element("div", { className: "field" }, [element("label", { text: msg.variantLabel, attrs: { for: "param-variant" } }), select]));
      if (draft.variant === "rate") {
        paramsBox.appendChild(numberField("threshold", msg.thresholdLabel, draft.thresholdPercent, (n) => (draft.thresholdPercent = n ?? 0)));
      } else {
        paramsBox.appendChild(
          element("div", { className: "field-row" }, [
            numberField("step", msg.stepLabel, draft.stepPercent, (n) => (draft.stepPercent = n ?? 0)),
            numberField("ceiling-deduction", msg.stepPointsLabel, draft.ceilingDeduction, (n) => (draft.ceilingDeduction = n ?? 0)),
          ]),
        );
      }
    }
    if (draft.kind === "satisfaction") {
      const fieldset = element("fieldset", { className: "bands" }, [element("legend", { text: msg.bandsLegend })]);
      for (let i = 0; i < BAND_COUNT; i++) {
        const band = draft.bands[i] ?? { minPercent: 0, points: 0 };
        if (!draft.bands[i]) draft.bands[i] = band;
        fieldset.appendChild(
          element("div", { className: "field-row" }, [
            numberField(`band${i}-min`, msg.bandFromLabel(i + 1), band.minPercent, (n) => (band.minPercent = n ?? 0)),
            numberField(`band${i}-points`, msg.bandPointsLabel(i + 1), band.points, (n) => (band.points = n ?? 0)),
          ]),
        );
      }
      paramsBox.appendChild(fieldset);
    }
    updatePreview();
  }

  /** The method the draft describes, with `d`'s values; null with the reason when invalid. */
  function parse(d: Draft): { method: ScoringMethod } | { issues: Array<{ path: PropertyKey[]; message: string }> } {
    // Bands left at zero are not bands: drop them rather than reject them.
    const clean: Draft = d.kind === "satisfaction" ? { ...d, bands: d.bands.filter((b) => b.minPercent > 0 || b.points > 0) } : d;
    const parsed = ScoringMethodSchema.safeParse(methodInput(clean));
    return parsed.success ? { method: parsed.data } : { issues: parsed.error.issues };
  }

  /** The method the boxes describe, or null with the offending boxes marked and the reason shown. */
  function currentMethod(): ScoringMethod | null {
    for (const input of inputs.values()) markValidity(input, true);
    const parsed = parse(draft);
    if ("method" in parsed) return parsed.method;
    for (const issue of parsed.issues) {
      const [first, index, field] = issue.path.map(String);
      const key =
        first === "bands" ? `band${index ?? 0}-${field === "min" ? "min" : "points"}`
        : first === "threshold" ? "threshold"
        : first === "step" ? "step"
        : first === "deduction" ? (draft.kind === "direct" ? "deduction" : "ceiling-deduction")
        : "points";
      const input = inputs.get(key);
      if (input) markValidity(input, false);
    }
    preview.textContent = parsed.issues[0]?.message ?? msg.paramsInvalid;
    preview.classList.add("preview-invalid");
    return null;
  }

  /**
   * The method for one selected row: the boxes the user typed into apply as typed; the others follow the row
   * (its stated points or its share of the total; satisfaction bands from its own target).
   */
  function methodFor(sel: SelectedIndicator): ScoringMethod | null {
    const d: Draft = { ...draft, bands: draft.bands.map((b) => ({ ...b })) };
    const points = edited.has("points") ? draft.points : (sel.points ?? sel.defaultMethod.points);
    d.points = points;
    if (d.kind === "satisfaction" && !edited.has("bands")) {
      d.bands = satisfactionBandsFor(targetShare(sel.row), points).map((b) => ({ minPercent: round2(b.min * 100), points: b.points }));
    }
    if (d.kind === "proportional" && d.variant === "ceiling" && !edited.has("ceiling-deduction")) {
      d.ceilingDeduction = Math.max(0.01, round2(points / 10));
    }
    const parsed = parse(d);
    return "method" in parsed ? parsed.method : null;
  }

  function selectedRows(state: PaneState = store.state): readonly SelectedIndicator[] {
    return state.selection.kind === "rows" ? state.selection.value.rows : [];
  }

  function updatePreview(): void {
    const method = currentMethod();
    if (!method) {
      renderRows(store.state);
      return;
    }
    preview.classList.remove("preview-invalid");
    const first = selectedRows()[0];
    const firstMethod = first ? methodFor(first) : method;
    preview.textContent = renderStandard(firstMethod ?? method);
    renderRows(store.state);
  }

  /** On a self-evaluation sheet the standard is not rewritten here: its controls are hidden. */
  function showControls(on: boolean): void {
    controls.hidden = !on;
    writeButton.hidden = !on;
    fillButton.hidden = !on;
    totalLine.hidden = !on;
    scoresHint.hidden = on;
  }

  function renderScores(scores: SelfEvalScores): void {
    const first = scores.rows[0];
    const last = scores.rows[scores.rows.length - 1];
    if (!first || !last) return;
    selectionInfo.textContent = msg.scoresHeading(scores.rows.length, first.row, last.row);
    for (const r of scores.rows.slice(0, LISTED_ROWS)) {
      const card = element("li", { className: r.differs ? "row-card row-card-differs" : "row-card", attrs: { "data-row": String(r.row) } });
      const line = (className: string, text: string): void => void card.appendChild(element("div", { className, text }));
      line("row-card-title", msg.rowHeading(r.row, r.indicator || null));
      line("row-card-line", msg.scoreTarget(r.target));
      line("row-card-line", msg.scoreActual(r.actual));
      line("row-card-line", msg.scorePoints(r.points));
      line("row-card-line", msg.scoreWritten(r.written === null ? null : round2(r.written)));
      line("row-card-points", msg.scoreComputed(r.computed === null ? null : round2(r.computed), r.band));
      // Without a computed score the reason says what to enter: shown as it is, not as a 依据.
      const why = r.actual.trim() === "" ? msg.scoreActualBlank : r.computed === null ? r.why : msg.scoreWhy(r.why);
      line("row-card-line row-card-why", why);
      if (r.differs && r.written !== null && r.computed !== null) {
        line("row-card-line row-card-differs-note", msg.scoreDiffers(round2(r.written), round2(r.computed), r.band));
      }
      rowsBox.appendChild(card);
    }
    if (scores.rows.length > LISTED_ROWS) rowsBox.appendChild(element("li", { className: "row-card-more", text: msg.selectionMore(scores.rows.length - LISTED_ROWS) }));
  }

  function renderRows(state: PaneState): void {
    clear(rowsBox);
    showControls(state.selection.kind !== "scores");
    if (state.selection.kind === "scores") {
      renderScores(state.selection.value);
      return;
    }
    const rows = selectedRows(state);
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) {
      selectionInfo.textContent = state.selection.kind === "outside" ? state.selection.reason : msg.selectionFollow;
      preview.hidden = false;
      previewLabel.hidden = false;
      return;
    }
    selectionInfo.textContent = msg.selectionHeading(rows.length, first.sheetRow, last.sheetRow);
    // With several rows each card previews its own text; the single preview box is for one row.
    preview.hidden = rows.length > 1;
    previewLabel.hidden = rows.length > 1;
    const valid = "method" in parse(draft);
    for (const sel of rows.slice(0, LISTED_ROWS)) {
      const v = sel.row.values;
      const card = element("li", { className: "row-card", attrs: { "data-row": String(sel.sheetRow) } });
      card.appendChild(element("div", { className: "row-card-title", text: msg.rowHeading(sel.sheetRow, v.level3 || sel.row.level2 || sel.row.level1 || null) }));
      card.appendChild(element("div", { className: "row-card-line", text: msg.rowTarget(v.valueType, v.target, v.unit) }));
      card.appendChild(element("div", { className: "row-card-line row-card-current", text: msg.rowCurrent(v.scoringStandard) }));
      const method = valid ? methodFor(sel) : null;
      if (v.scoringStandard !== "" && !overwrite.checked) {
        card.appendChild(element("div", { className: "row-card-line row-card-kept", text: msg.rowKept }));
      } else if (method) {
        card.appendChild(element("div", { className: "row-card-line row-card-next", text: msg.rowWillWrite(renderStandard(method)) }));
        card.appendChild(element("div", { className: "row-card-points", text: msg.rowPoints(method.points) }));
      }
      rowsBox.appendChild(card);
    }
    if (rows.length > LISTED_ROWS) rowsBox.appendChild(element("li", { className: "row-card-more", text: msg.selectionMore(rows.length - LISTED_ROWS) }));
  }

  /** A new set of rows: preselect the first row's suggested method and clear what the user typed. */
  function resetDraft(found: SelectedRows): void {
    const key = found.sheetName + "|" + found.rows.map((r) => r.sheetRow).join(",");
    if (key === draftRows) return;
    draftRows = key;
    const first = found.rows[0];
    if (!first) return;
    edited.clear();
    suggestedKind = first.defaultMethod.kind;
    draft = draftFrom(first.defaultMethod);
    renderMethods();
    renderParams();
  }

  async function readSelection(): Promise<void> {
    const seq = ++readSeq;
    const r = await api.readSelection(store.state.settings.expectedTotal).catch((e: unknown) => ({
      ok: false as const,
      error: { message: msg.unexpectedError(e instanceof Error ? e.message : String(e)) },
    }));
    if (seq !== readSeq) return;
    if (!r.ok) {
      draftRows = "";
      store.dispatch({ type: "selectionOutside", reason: r.error.message, sheetName: null });
      return;
    }
    if ("kind" in r.value) {
      draftRows = "";
      store.dispatch({ type: "scoresRead", scores: r.value, at: Date.now() });
      return;
    }
    resetDraft(r.value);
    store.dispatch({ type: "selectionRead", rows: r.value, at: Date.now() });
  }

  byId("read-selection").addEventListener("click", () => void readSelection());
  overwrite.addEventListener("change", () => renderRows(store.state));

  byId("write-standards").addEventListener("click", async () => {
    const rows = selectedRows();
    if (rows.length === 0) {
      status.show("error", store.state.selection.kind === "outside" ? store.state.selection.reason : msg.selectionFollow);
      return;
    }
    if (!currentMethod()) {
      status.show("error", msg.paramsInvalid);
      return;
    }
    const standards: RowStandard[] = [];
    for (const sel of rows) {
      const method = methodFor(sel);
      if (!method) {
        status.show("error", msg.paramsInvalid);
        return;
      }
      standards.push({ sheetRow: sel.sheetRow, method });
    }
    const done = await status.run(msg.busyWrite, () => api.writeRowStandards(standards, overwrite.checked));
    if (!done) return;
    if (done.moved) {
      status.show("error", msg.selectionMoved(done.selectedRows));
      await readSelection();
      return;
    }
    if (done.rows.length > 0) status.show("success", msg.rowsWritten(done.rows));
    if (done.skipped > 0) status.show("warning", msg.standardsSkipped(done.skipped));
    store.dispatch({ type: "pointsTotalRead", total: done.pointsTotal });
    draftRows = ""; // the rows' standards changed: show them as they are now
    await readSelection();
    await afterWrite();
  });

  byId("fill-blank").addEventListener("click", async () => {
    const done = await status.run(msg.busyFill, () => api.fillBlankStandards(store.state.settings.expectedTotal));
    if (!done) return;
    status.show("success", msg.blanksFilled(done.written));
    store.dispatch({ type: "pointsTotalRead", total: done.pointsTotal });
    await afterWrite();
  });

  function renderTotal(state: PaneState): void {
    const total = state.pointsTotal === null ? null : round2(state.pointsTotal);
    const expected = state.settings.expectedTotal;
    if (total === null) {
      totalLine.textContent = msg.pointsUnknown(expected);
      totalLine.className = "total";
      return;
    }
    const ok = Math.abs(total - expected) < 1e-6;
    totalLine.textContent = ok ? msg.pointsTotalOk(total) : msg.pointsTotal(total, expected);
    totalLine.className = ok ? "total total-ok" : "total total-off";
  }

  store.subscribe((state, before) => {
    if (!before || state.pointsTotal !== before.pointsTotal || state.settings.expectedTotal !== before.settings.expectedTotal) renderTotal(state);
    // The preview box is the first selected row's: recompute it with the rows (the draft may have been reset
    // for them just before they arrived, while the old rows were still in the state).
    if (!before || state.selection !== before.selection) updatePreview();
  });

  renderMethods();
  renderParams();

  return {
    readSelection,
    shown(stale) {
      if (stale || store.state.selection.kind !== "rows") void readSelection();
    },
  };
}
