// Imported first by taskpane.ts: the pane's CSP forbids eval, so zod must neither compile parsers with
// `new Function` nor probe for it, and domain modules parse at load time (DEFAULT_SETTINGS).
import { config } from "zod";

config({ jitless: true });
