// Imported first by taskpane.ts: the pane's CSP forbids eval, so zod must neither compile parsers with
// `new Function` nor probe for it, and domain modules parse at load time (DEFAULT_SETTINGS).
// The config lives in zod's core, shared by the mini API the domain uses; importing it from "zod/mini" keeps the
// classic API out of the pane's bundle.
import { config } from "zod/mini";

config({ jitless: true });
