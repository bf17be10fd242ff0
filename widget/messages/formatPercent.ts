import type { Locale } from "../../contract/index.ts";
import { languageTag } from "./languageTag.ts";

/** A 0–100 percentage with the locale's spacing ("42%", "42 %"). */
export function formatPercent(percent: number, locale: Locale): string {
  const format = new Intl.NumberFormat(languageTag(locale), {
    style: "percent",
    maximumFractionDigits: 0,
  });
  return format.format(percent / 100);
}
