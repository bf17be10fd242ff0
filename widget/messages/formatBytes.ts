import { MIB } from "../../contract/index.ts";
import type { Locale } from "../../contract/index.ts";
import { languageTag } from "./languageTag.ts";

const KIB = 1024;

/**
 * A size as people read it, with the locale's digits: MB here means MiB, as Ripio counts
 * (DESIGN.md), so 26,214,400 bytes shows as "25 MB".
 */
export function formatBytes(bytes: number, locale: Locale): string {
  const [value, unit] =
    bytes >= MIB
      ? [bytes / MIB, "megabyte"]
      : bytes >= KIB
        ? [bytes / KIB, "kilobyte"]
        : [bytes, "byte"];
  // Truncate rather than round, so a total just under the limit never reads as the limit
  // itself ("49.96 MB" shows as "49.9 MB of 50 MB", not "50 MB of 50 MB").
  const shown = Math.floor(value * 10) / 10;
  return new Intl.NumberFormat(languageTag(locale), {
    style: "unit",
    unit,
    // "64 byte" reads wrong in English; the narrow form is "64B".
    unitDisplay: unit === "byte" ? "narrow" : "short",
    maximumFractionDigits: 1,
  }).format(shown);
}
