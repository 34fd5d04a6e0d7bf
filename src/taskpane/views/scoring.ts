// 评分标准: pick a method for the selected rows (the suggested one preselected), set its parameters,
// preview the text, write it; fill every blank standard; the running total against the expected total.
import { renderStandard } from "../../domain/scoring/render";
import {
  defaultSatisfactionBands,
  ScoringMethodSchema,
  type ScoringKind,
  type ScoringMethod,
} from "../../domain/scoring/schema";
import type { CheckReport, PaneApi, SelectedIndicator, SelectedRows } from "../api-types";
import { byId, clear, element, markValidity, readNumber } from "../dom";
import type { Messages } from "../messages";
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
  showTotal(report: CheckReport): void;
  setExpectedTotal(total: number): void;
  readSelection(quiet?: boolean): Promise<void>;
}

export function initScoringView(
  api: PaneApi,
  status: Status,
  msg: Messages,
  expectedTotal: () => number,
  afterWrite: () => Promise<void>,
): ScoringView {
  const methodsBox = byId("methods");
  const paramsBox = byId("method-params");
  const preview = byId("preview");
  const selectionInfo = byId("selection-info");
  const overwrite = byId<HTMLInputElement>("overwrite");
  const totalLine = byId("points-total");
  let draft = draftFrom({ kind: "direct", points: DEFAULT_POINTS });
  let suggestedKind: ScoringKind | null = null;
  let lastTotal: number | null = null;
  const inputs = new Map<string, HTMLInputElement>();
  selectionInfo.textContent = msg.selectionNone;
  totalLine.textContent = msg.pointsUnknown(expectedTotal());

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
        if (!draft.bandsEdited && n) {
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
            numberField(`band${i}-min`, msg.bandFromLabel(i + 1), band.minPercent, (n) => {
              band.minPercent = n ?? 0;
              draft.bandsEdited = true;
            }),
            numberField(`band${i}-points`, msg.bandPointsLabel(i + 1), band.points, (n) => {
              band.points = n ?? 0;
              draft.bandsEdited = true;
            }),
          ]),
        );
      }
      paramsBox.appendChild(fieldset);
    }
    updatePreview();
  }

  /** The method the boxes describe, or null with the offending boxes marked and the reason shown. */
  function currentMethod(): ScoringMethod | null {
    for (const input of inputs.values()) markValidity(input, true);
    // Bands left at zero are not bands: drop them rather than reject them.
    const d: Draft = draft.kind === "satisfaction" ? { ...draft, bands: draft.bands.filter((b) => b.minPercent > 0 || b.points > 0) } : draft;
    const parsed = ScoringMethodSchema.safeParse(methodInput(d));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
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
    preview.textContent = parsed.error.issues[0]?.message ?? msg.paramsInvalid;
    preview.classList.add("preview-invalid");
    return null;
  }

  function updatePreview(): void {
    const method = currentMethod();
    if (!method) return;
    preview.classList.remove("preview-invalid");
    preview.textContent = renderStandard(method);
  }

  /**
   * Reads the selected rows. `quiet` (when the tab is merely opened): a failure, such as a sheet without
   * a form, is told in the selection line instead of as an error message.
   */
  async function readSelection(quiet = false): Promise<void> {
    let found: SelectedRows | null;
    if (quiet) {
      if (status.busy) return;
      const r = await api.readSelection(expectedTotal()).catch(() => null);
      if (!r || !r.ok) {
        selectionInfo.textContent = r && !r.ok ? r.error.message : msg.selectionNone;
        return;
      }
      found = r.value;
    } else {
      found = await status.run(msg.busySelection, () => api.readSelection(expectedTotal()));
    }
    if (!found) return;
    const rows: readonly SelectedIndicator[] = found.rows;
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) {
      selectionInfo.textContent = msg.selectionNone;
      return;
    }
    selectionInfo.textContent = msg.selectionRows(rows.length, first.sheetRow, last.sheetRow);
    setTotal(found.pointsTotal);
    // The first selected row's suggestion (method and points) is preselected; the user can change it.
    suggestedKind = first.defaultMethod.kind;
    draft = draftFrom(first.defaultMethod);
    renderMethods();
    renderParams();
  }

  byId("read-selection").addEventListener("click", () => void readSelection());

  byId("write-standards").addEventListener("click", async () => {
    const method = currentMethod();
    if (!method) {
      status.show("error", msg.paramsInvalid);
      return;
    }
    // The rows selected in the sheet now (the user may have moved on since the pane read them);
    // the Excel layer says so plainly when the selection is not on indicator rows.
    const done = await status.run(msg.busyWrite, () => api.writeStandards(method, overwrite.checked, expectedTotal()));
    if (!done) return;
    status.show("success", msg.standardsWritten(done.written));
    if (done.skipped > 0) status.show("warning", msg.standardsSkipped(done.skipped));
    setTotal(done.pointsTotal);
    await afterWrite();
  });

  byId("fill-blank").addEventListener("click", async () => {
    const done = await status.run(msg.busyFill, () => api.fillBlankStandards(expectedTotal()));
    if (!done) return;
    status.show("success", msg.blanksFilled(done.written));
    setTotal(done.pointsTotal);
    await afterWrite();
  });

  function setTotal(total: number | null): void {
    lastTotal = total === null ? null : round2(total);
    renderTotal();
  }

  function renderTotal(): void {
    if (lastTotal === null) {
      totalLine.textContent = msg.pointsUnknown(expectedTotal());
      totalLine.className = "total";
      return;
    }
    const expected = expectedTotal();
    const ok = Math.abs(lastTotal - expected) < 1e-6;
    totalLine.textContent = ok ? msg.pointsTotalOk(lastTotal) : msg.pointsTotal(lastTotal, expected);
    totalLine.className = ok ? "total total-ok" : "total total-off";
  }

  renderMethods();
  renderParams();

  return {
    showTotal(report: CheckReport): void {
      // One form per sheet is the usual case; with several, the first one that states points.
      setTotal(report.forms.find((f) => f.pointsTotal !== null)?.pointsTotal ?? null);
    },
    setExpectedTotal: () => renderTotal(),
    readSelection,
  };
}
