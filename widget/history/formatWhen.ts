const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** `iso` relative to `now` in `tag`'s words ("5 minutes ago", "yesterday", "now"). */
export function formatRelative(iso: string, now: number, tag: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(tag, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "second");
}

/** `iso` as a full date and time in `tag`'s words, in the user's time zone. */
export function formatExact(iso: string, tag: string): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short" }).format(
    new Date(iso),
  );
}
