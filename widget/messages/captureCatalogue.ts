import type { Locale } from "../../contract/index.ts";
import type { CaptureMessages } from "./Messages.ts";
import { enCapture } from "./locales/enCapture.ts";
import { esCapture } from "./locales/esCapture.ts";
import { ptCapture } from "./locales/ptCapture.ts";

/*
 * Imported only by the lazily loaded capture code (never through messages/index.ts), so the
 * three locales travel in that chunk — about 1.5 KB gzip, paid only by people who capture —
 * instead of growing the first open.
 */
const CATALOGUE: Record<Locale, CaptureMessages> = { en: enCapture, es: esCapture, pt: ptCapture };

/** Every locale's screen-capture messages, for tests and the gallery. */
export const captureMessages: Readonly<Record<Locale, CaptureMessages>> = CATALOGUE;

/** The screen-capture messages of one locale. */
export function getCaptureMessages(locale: Locale): CaptureMessages {
  return CATALOGUE[locale];
}
