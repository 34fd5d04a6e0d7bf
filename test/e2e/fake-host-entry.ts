// Browser entry that stands in for office.js in the browser tests: installs the strict fake Excel host
// (Excel, Office, OfficeExtension globals) and exposes a small handle the tests drive as "the user".
import { formatRect, parseRect } from "../support/fake-excel/address";
import { createFakeExcel } from "../support/fake-excel";
import type { FakeHostOptions } from "./harness";

export interface FakeHostHandle {
  /** Text shown in a cell of the active sheet. */
  cellText(address: string): string;
  /** The user types values into cells of the active sheet, one after another (raising onChanged). */
  userEdit(edits: Array<[string, string]>): void;
  /** The user clicks a cell of the active sheet. */
  select(address: string): void;
  /** The selection as "Sheet!A1". */
  selection(): string;
  sheetNames(): string[];
  /** The active sheet's used range ("A1:J30"), null when empty. */
  usedAddress(): string | null;
  /** How many merged areas the active sheet has. */
  mergeCount(): number;
  /** Everything the fake holds about a sheet, as JSON (for "unchanged" checks). */
  sheetSnapshot(name: string): string;
  activeSheetName(): string;
  /** The next round trip fails with this Office error code. */
  failNextSync(code: string): void;
  setting(name: string): unknown;
  syncCount(): number;
  /** Adds an empty sheet (test setup). */
  addSheet(name: string): void;
  /** The user clicks a sheet's tab (raises onActivated). */
  activate(name: string): void;
  /** Moves the selection without raising any event, as when a host drops it (OfficeDev/office-js #1502). */
  selectSilently(address: string): void;
}

const options: FakeHostOptions =
  (window as unknown as { __fakeHostOptions?: FakeHostOptions }).__fakeHostOptions ?? {};
const fake = createFakeExcel({
  displayLanguage: options.displayLanguage ?? "zh-CN",
  apiVersion: options.apiVersion ?? "1.17",
  platform: "web",
  latencyMs: options.latencyMs ?? 0,
  realDelay: (options.latencyMs ?? 0) > 0,
});
if (options.grid && options.grid.length > 0) fake.activeSheet.seed("A1", options.grid);
for (const [name, value] of Object.entries(options.settings ?? {})) fake.settings.set(name, value);
fake.install(window);

const handle: FakeHostHandle = {
  cellText: (address) => fake.activeSheet.text(address),
  userEdit(edits) {
    const sheet = fake.activeSheet.name;
    for (const [address, value] of edits) fake.user.edit(sheet, address, value);
  },
  select: (address) => fake.user.select(fake.activeSheet.name, address),
  selection() {
    const s = fake.state.sheets.find((x) => x.id === fake.state.selection.sheetId);
    return `${s?.name ?? "?"}!${formatRect(fake.state.selection.rect)}`;
  },
  sheetNames: () => fake.state.sheets.map((s) => s.name),
  usedAddress: () => fake.activeSheet.usedAddress(),
  mergeCount: () => fake.activeSheet.merges.length,
  sheetSnapshot: (name) => fake.sheet(name).snapshot(),
  activeSheetName: () => fake.activeSheet.name,
  failNextSync: (code) => fake.failNextSync({ code }),
  setting: (name) => fake.settings.get(name),
  syncCount: () => fake.syncCount,
  addSheet: (name) => void fake.addSheet(name),
  activate: (name) => fake.user.activate(name),
  selectSilently(address) {
    fake.state.selection = { sheetId: fake.state.activeSheetId, rect: parseRect(address) };
  },
};
(window as unknown as { __fakeHost: FakeHostHandle }).__fakeHost = handle;
