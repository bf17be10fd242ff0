import {
  TICKET_LIMITS,
  contextText,
  countChars,
  type TicketContext,
} from "../../contract/index.ts";

/** The block's first lines: a rule, then its heading. */
const BLOCK_HEAD = ["\u2014", "Technical details"];

/**
 * The block's entries, one line each, most useful first: the page, the browser line
 * ("Chrome 131 on Windows · 1920×1080 · es-AR · America/Argentina/Buenos_Aires"), the
 * widget's version, then the host's entries as `key: value`. Every value is cleaned to plain
 * text on one line, so a value cannot forge a line of its own.
 */
export function technicalDetailsLines(context: TicketContext): string[] {
  const lines: string[] = [];
  const clean = (value: string | undefined): string => (value ? contextText(value).trim() : "");
  const page = clean(context.page);
  if (page) lines.push(`Page: ${page}`);
  const { viewport } = context;
  const browser = [
    [clean(context.browser), clean(context.os)].filter(Boolean).join(" on "),
    viewport ? `${viewport.width}\u00d7${viewport.height}` : "",
    clean(context.language),
    clean(context.timeZone),
  ].filter(Boolean);
  if (browser.length > 0) lines.push(`Browser: ${browser.join(" \u00b7 ")}`);
  const widget = clean(context.widget);
  if (widget) lines.push(`Widget: ${widget}`);
  for (const [key, value] of Object.entries(context.host ?? {})) {
    lines.push(`${key}: ${contextText(value).trim()}`);
  }
  return lines;
}

/**
 * The description Ripio gets: the user's text, then a blank line and the technical details
 * block. The user's text always wins: when both would pass the description's limit, the
 * block loses entries from its end, then goes entirely; the text itself is never cut.
 */
export function withTechnicalDetails(description: string, context: TicketContext | null): string {
  if (!context) return description;
  const lines = technicalDetailsLines(context);
  for (let kept = lines.length; kept > 0; kept -= 1) {
    const text = [description, "", ...BLOCK_HEAD, ...lines.slice(0, kept)].join("\n");
    if (countChars(text) <= TICKET_LIMITS.descriptionMaxChars) return text;
  }
  return description;
}
