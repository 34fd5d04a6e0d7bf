// The pane's one state: what sheet it is about, the findings and when they were computed, the selected rows,
// the settings and the message bars. It changes only through the named events below; views render from it.
// Pure (no DOM, no Office), so the rules of what replaces what are tested without a browser.
import type { Finding, Severity } from "../domain/findings";
import type { CheckedForm, CheckReport, SelectedRows, SelfEvalScores } from "./api-types";

export type TabId = "template" | "check" | "scoring" | "settings";
export type Tone = "success" | "info" | "warning" | "error";
export type SeverityFilter = "all" | Severity;

export interface PaneMessage {
  id: number;
  tone: Tone;
  text: string;
  /** The tab that raised it (shown only there); null for the whole pane. */
  tab: TabId | null;
  /** How many times the same message was raised (merged into one bar). */
  count: number;
  /** When it was last raised (ms), for fading info and success bars. */
  at: number;
}

/** The findings of one sheet, as computed at `at`. */
export interface FindingsState {
  sheetName: string;
  at: number;
  forms: CheckedForm[];
  findings: Finding[];
}

export type SelectionState =
  | { kind: "none" }
  | { kind: "rows"; value: SelectedRows; at: number }
  /** Rows of a self-evaluation sheet: their computed scores are shown, no standard is written. */
  | { kind: "scores"; value: SelfEvalScores; at: number }
  /** The selection is not on indicator rows (or the sheet has no form): `reason` says so plainly. */
  | { kind: "outside"; reason: string; sheetName: string | null };

export interface PaneState {
  tab: TabId;
  /** The sheet the pane last heard about (check, live check or selection), null before any. */
  sheetName: string | null;
  /** The findings shown, or null: not checked yet, or the sheet changed and holds no form. */
  findings: FindingsState | null;
  /** The sheet was checked and holds no form: said plainly, with an offer to insert one. */
  noForm: { sheetName: string | null; at: number } | null;
  selection: SelectionState;
  /** The year of the form on the sheet last checked, null when unknown (the year box then follows the calendar). */
  formYear: number | null;
  /** The form's points as last read (check, selection or write), null when no row states any. */
  pointsTotal: number | null;
  settings: { expectedTotal: number; liveCheck: boolean };
  filter: SeverityFilter;
  messages: PaneMessage[];
  nextMessageId: number;
}

export type PaneEvent =
  | { type: "tabShown"; tab: TabId }
  | { type: "checked"; report: CheckReport; at: number }
  | { type: "noFormFound"; sheetName: string | null; at: number }
  | { type: "selectionRead"; rows: SelectedRows; at: number }
  | { type: "scoresRead"; scores: SelfEvalScores; at: number }
  | { type: "selectionOutside"; reason: string; sheetName: string | null }
  | { type: "pointsTotalRead"; total: number | null }
  | { type: "expectedTotalSaved"; total: number }
  | { type: "liveCheckSet"; on: boolean }
  | { type: "filterSet"; filter: SeverityFilter }
  | { type: "messageRaised"; tone: Tone; text: string; tab: TabId | null; at: number }
  | { type: "messageDismissed"; id: number }
  | { type: "messagesFaded"; now: number }
  | { type: "messagesCleared"; tab: TabId | null };

/** How long info and success bars stay (errors and warnings stay until dismissed). */
export const FADE_MS = 6000;
/** Bars kept per pane; the oldest go first. */
const MAX_MESSAGES = 4;

export function initialState(settings: PaneState["settings"]): PaneState {
  return {
    tab: "template",
    sheetName: null,
    findings: null,
    noForm: null,
    selection: { kind: "none" },
    formYear: null,
    pointsTotal: null,
    settings,
    filter: "all",
    messages: [],
    nextMessageId: 1,
  };
}

/** The points of the report's forms: one form per sheet is usual; with several, the first that states points. */
function reportPoints(report: CheckReport): number | null {
  return report.forms.find((f) => f.pointsTotal !== null)?.pointsTotal ?? null;
}

function raise(state: PaneState, e: Extract<PaneEvent, { type: "messageRaised" }>): PaneState {
  const same = state.messages.find((m) => m.tone === e.tone && m.text === e.text && m.tab === e.tab);
  if (same) {
    const merged = { ...same, count: same.count + 1, at: e.at };
    return { ...state, messages: [merged, ...state.messages.filter((m) => m !== same)] };
  }
  const message: PaneMessage = { id: state.nextMessageId, tone: e.tone, text: e.text, tab: e.tab, count: 1, at: e.at };
  return { ...state, messages: [message, ...state.messages].slice(0, MAX_MESSAGES), nextMessageId: state.nextMessageId + 1 };
}

export function reduce(state: PaneState, e: PaneEvent): PaneState {
  switch (e.type) {
    case "tabShown":
      return { ...state, tab: e.tab };
    case "checked":
      // Replaces whatever was shown: findings are always one sheet's, as of one moment. An earlier check's
      // error bar is out of date once a check succeeds.
      return {
        ...state,
        messages: state.messages.filter((m) => !(m.tab === "check" && m.tone === "error" && m.at <= e.at)),
        sheetName: e.report.sheetName,
        findings: { sheetName: e.report.sheetName, at: e.at, forms: e.report.forms, findings: e.report.findings },
        noForm: null,
        formYear: e.report.forms.find((f) => f.year !== null)?.year ?? state.formYear,
        pointsTotal: reportPoints(e.report),
      };
    case "noFormFound":
      return { ...state, sheetName: e.sheetName ?? state.sheetName, findings: null, noForm: { sheetName: e.sheetName, at: e.at }, pointsTotal: null };
    case "selectionRead":
      return {
        ...state,
        sheetName: e.rows.sheetName,
        selection: { kind: "rows", value: e.rows, at: e.at },
        pointsTotal: e.rows.pointsTotal,
      };
    case "scoresRead":
      return { ...state, sheetName: e.scores.sheetName, selection: { kind: "scores", value: e.scores, at: e.at } };
    case "selectionOutside":
      return { ...state, selection: { kind: "outside", reason: e.reason, sheetName: e.sheetName } };
    case "pointsTotalRead":
      return { ...state, pointsTotal: e.total };
    case "expectedTotalSaved":
      return { ...state, settings: { ...state.settings, expectedTotal: e.total } };
    case "liveCheckSet":
      return { ...state, settings: { ...state.settings, liveCheck: e.on } };
    case "filterSet":
      return { ...state, filter: e.filter };
    case "messageRaised":
      return raise(state, e);
    case "messageDismissed":
      return { ...state, messages: state.messages.filter((m) => m.id !== e.id) };
    case "messagesFaded": {
      const kept = state.messages.filter((m) => (m.tone !== "info" && m.tone !== "success") || e.now - m.at < FADE_MS);
      return kept.length === state.messages.length ? state : { ...state, messages: kept };
    }
    case "messagesCleared":
      return { ...state, messages: state.messages.filter((m) => m.tab !== e.tab) };
  }
}

/** The messages to show on `tab`: its own and the pane-wide ones, newest first. */
export function messagesOn(state: PaneState, tab: TabId): PaneMessage[] {
  return state.messages.filter((m) => m.tab === null || m.tab === tab);
}

/** One row's findings under its heading (errors first); `row` 0 holds findings not tied to an indicator row. */
export interface RowGroup {
  key: string;
  /** 1-based sheet row. */
  row: number;
  /** The form's anchor when the sheet has several forms. */
  formAnchor: string | null;
  label: string | null;
  findings: Finding[];
  errors: number;
}

/** Findings grouped by sheet row, rows in sheet order, each row's errors before its warnings. */
export function groupByRow(findings: FindingsState, filter: SeverityFilter): RowGroup[] {
  const several = findings.forms.length > 1;
  const groups = new Map<string, RowGroup>();
  // Findings tied to no form (none on the sheet) stand under their own rows.
  const sources: Array<{ anchor: string; findings: readonly Finding[]; rowLabels: Readonly<Record<number, string>> }> =
    findings.forms.length > 0 ? findings.forms : [{ anchor: "", findings: findings.findings, rowLabels: {} }];
  for (const form of sources) {
    for (const f of form.findings) {
      if (filter !== "all" && f.severity !== filter) continue;
      const key = `${form.anchor}|${f.row}`;
      let g = groups.get(key);
      if (!g) {
        g = { key, row: f.row, formAnchor: several ? form.anchor : null, label: form.rowLabels[f.row] ?? null, findings: [], errors: 0 };
        groups.set(key, g);
      }
      g.findings.push(f);
      if (f.severity === "error") g.errors++;
    }
  }
  const all = [...groups.values()];
  for (const g of all) g.findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return all.sort((a, b) => a.row - b.row || a.key.localeCompare(b.key));
}

/** A finding's identity across re-checks, so a live update can keep the same element (and its focus). */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.cell}|${f.message}`;
}

export interface Store {
  readonly state: PaneState;
  dispatch(event: PaneEvent): void;
  /** Calls `view` now and after every change; returns the unsubscribe function. */
  subscribe(view: (state: PaneState, before: PaneState | null) => void): () => void;
}

export function createStore(initial: PaneState): Store {
  let state = initial;
  const views = new Set<(s: PaneState, before: PaneState | null) => void>();
  return {
    get state() {
      return state;
    },
    dispatch(event) {
      const before = state;
      state = reduce(state, event);
      if (state !== before) for (const v of views) v(state, before);
    },
    subscribe(view) {
      views.add(view);
      view(state, null);
      return () => views.delete(view);
    },
  };
}
