import { MIB } from "../../contract/index.ts";
import type { Locale } from "../../contract/index.ts";
import { languageTag } from "./languageTag.ts";

const KIB = 1024;

/**
 * A size as people read it, with the locale's digits: MB here means MiB, as Ripio counts
 * (docs/architecture.md, "Rules"), so 26,214,400 bytes shows as "25 MB". One decimal at most.
 */
export function formatBytes(
  bytes: number,
  locale: Locale,
  rounding: "down" | "up" = "down",
): string {
  const [value, unit] =
    bytes >= MIB
      ? [bytes / MIB, "megabyte"]
      : bytes >= KIB
        ? [bytes / KIB, "kilobyte"]
        : [bytes, "byte"];
  // Never round across a limit. Totals go down, so one just under the limit never reads as
  // the limit itself (49.96 MB shows as "49.9 MB of 50 MB", not "50 MB of 50 MB"); a file's
  // size goes up, so one just over it never reads as allowed (25 MB + 1 B is "25.1 MB").
  const shown = (rounding === "up" ? Math.ceil(value * 10) : Math.floor(value * 10)) / 10;
  const tag = languageTag(locale);
  // Intl has "64 byte" (short) or "64B" (narrow); the symbol B, spaced, reads right in all three.
  if (unit === "byte") return `${new Intl.NumberFormat(tag).format(shown)} B`;
  return new Intl.NumberFormat(tag, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(shown);
}
