// The domain validates with zod's mini API (the pane bundles only what it uses). Unlike the classic API, mini does not
// install zod's English messages, so do it here: the few checks without a Chinese message (a non-array 分档, an unknown
// language) keep the wording they had. A locale set earlier (e.g. by the classic API in the CLI) is left alone.
import * as z from "zod/mini";

if (!z.config().localeError) z.config(z.locales.en());
