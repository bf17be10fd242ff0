export type { Messages, FileRejectionCode } from "./Messages.ts";
export { fill } from "./fill.ts";
export { formatBytes } from "./formatBytes.ts";
export { formatPercent } from "./formatPercent.ts";
export { limitValues, type LimitValues } from "./limitValues.ts";
export { errorText } from "./errorText.ts";
export { languageTag } from "./languageTag.ts";
// Its own module so the tiny loader can use it without the catalogue.
export { resolveLocale } from "./resolveLocale.ts";

// The embed build swaps catalogue.ts for embed/lazyCatalogue.ts (see vite.config.ts).
export { getMessages, messages } from "./catalogue.ts";
