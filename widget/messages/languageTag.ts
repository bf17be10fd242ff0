import type { Locale } from "../../contract/index.ts";

/** BCP 47 tag for `lang` attributes and Intl: our `pt` is Brazilian Portuguese. */
export function languageTag(locale: Locale): string {
  return locale === "pt" ? "pt-BR" : locale;
}
