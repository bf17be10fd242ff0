// From limits.ts, not the index: the loader must not pull in the file-type tables of fileTypes.ts.
import { LOCALES, type Locale } from "../../contract/limits.ts";

/** The widget's locale: the option when given, else the browser's language (es*, pt*, else en). */
export function resolveLocale(option?: string, browserLanguage?: string): Locale {
  for (const candidate of [option, browserLanguage]) {
    const base = candidate?.toLowerCase().split(/[-_]/)[0];
    const match = LOCALES.find((locale) => locale === base);
    if (match) return match;
  }
  return "en";
}
