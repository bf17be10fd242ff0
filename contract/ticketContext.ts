/**
 * Technical details: what the widget gathers at Send (the page, the browser, the host's own
 * entries) and sends beside the ticket as the multipart field `context` (JSON). The widget
 * checks the host's entries with these rules before showing them; the proxy checks the whole
 * field again before it writes the details under the description (README, "Technical details").
 */

/** The limits of the host's `context` entries and of each gathered item. */
export const CONTEXT_LIMITS = {
  maxHostEntries: 10,
  keyMaxChars: 40,
  valueMaxChars: 200,
  /** The page is a URL: origin and path, room for a long path. */
  pageMaxChars: 1000,
  viewportMax: 100_000,
} as const;

/** A value the host may pass: text, a finite number or a boolean. */
export type HostContextValue = string | number | boolean;

/** The host page's own entries (`context` option / prop), e.g. `{ plan: "pro" }`. */
export type HostContext = Readonly<Record<string, HostContextValue>>;

/** The gathered items, each removable by the user; what they left is what is sent. */
export interface TicketContext {
  /** Origin and path of the host page: never its query string or fragment. */
  page?: string;
  /** Browser name and major version, e.g. "Chrome 131". */
  browser?: string;
  /** Operating system, e.g. "Windows" or "Android 14". */
  os?: string;
  viewport?: { width: number; height: number };
  /** The browser's language tag, e.g. "es-AR". */
  language?: string;
  /** IANA time zone, e.g. "America/Argentina/Buenos_Aires". */
  timeZone?: string;
  /** The widget's version. */
  widget?: string;
  host?: HostContext;
}

/** The gathered items' names, in the order the form and the block show them. */
export const CONTEXT_ITEMS = [
  "page",
  "browser",
  "os",
  "viewport",
  "language",
  "timeZone",
  "widget",
] as const;
export type ContextItem = (typeof CONTEXT_ITEMS)[number];

/** The verdict on a `context`: the value, typed, or why it is refused. */
export type ContextVerdict = { ok: true; context: TicketContext } | { ok: false; reason: string };

const KEY = /^[A-Za-z0-9_.-]{1,40}$/;
// Absolute http(s) URL without a query string or fragment: what `page` must be.
const PAGE = /^https?:\/\/[^\s?#]+$/;

const chars = (text: string): number => {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
};

/** Why a host entry is refused, or `null` when it keeps the rules. */
export function hostEntryProblem(key: string, value: unknown): string | null {
  if (!KEY.test(key)) return `key "${key.slice(0, 60)}" is not 1–40 of A-Z a-z 0-9 _ . -`;
  if (typeof value === "string") {
    return chars(value) > CONTEXT_LIMITS.valueMaxChars
      ? `${key}: longer than ${CONTEXT_LIMITS.valueMaxChars} characters`
      : null;
  }
  if (typeof value === "number") return Number.isFinite(value) ? null : `${key}: not finite`;
  if (typeof value === "boolean") return null;
  return `${key}: must be a string, a finite number or a boolean`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function textProblem(name: string, value: unknown, max: number): string | null {
  if (typeof value !== "string" || value === "") return `${name} must be a non-empty string`;
  return chars(value) > max ? `${name} is longer than ${max} characters` : null;
}

function itemProblem(item: ContextItem, value: unknown): string | null {
  switch (item) {
    case "page": {
      const problem = textProblem(item, value, CONTEXT_LIMITS.pageMaxChars);
      if (problem) return problem;
      return PAGE.test(value as string) ? null : "page must be an http(s) URL without ? or #";
    }
    case "viewport": {
      if (!isRecord(value) || Object.keys(value).length !== 2) {
        return "viewport must be { width, height }";
      }
      const { width, height } = value;
      const size = (n: unknown): boolean =>
        Number.isInteger(n) && (n as number) >= 0 && (n as number) <= CONTEXT_LIMITS.viewportMax;
      return size(width) && size(height) ? null : "viewport's width and height must be integers";
    }
    default:
      return textProblem(item, value, CONTEXT_LIMITS.valueMaxChars);
  }
}

/**
 * Judges a `context` as parsed from JSON: an object of the gathered items (each optional)
 * and at most 10 `host` entries. Anything else — an unknown item, a nested value, an 11th
 * entry, a key out of `[A-Za-z0-9_.-]{1,40}` — is refused with the reason.
 */
export function checkTicketContext(value: unknown): ContextVerdict {
  if (!isRecord(value)) return { ok: false, reason: "context must be a JSON object" };
  for (const [name, item] of Object.entries(value)) {
    if (name === "host") continue;
    if (!(CONTEXT_ITEMS as readonly string[]).includes(name)) {
      return { ok: false, reason: `context has an unknown item "${name.slice(0, 60)}"` };
    }
    const problem = itemProblem(name as ContextItem, item);
    if (problem) return { ok: false, reason: problem };
  }
  if (value.host !== undefined) {
    if (!isRecord(value.host)) return { ok: false, reason: "context.host must be an object" };
    const entries = Object.entries(value.host);
    if (entries.length > CONTEXT_LIMITS.maxHostEntries) {
      return {
        ok: false,
        reason: `context.host has more than ${CONTEXT_LIMITS.maxHostEntries} entries`,
      };
    }
    for (const [key, item] of entries) {
      const problem = hostEntryProblem(key, item);
      if (problem) return { ok: false, reason: `context.host: ${problem}` };
    }
  }
  return { ok: true, context: value as TicketContext };
}

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that can make a line
// read other than it is. Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A value as plain text on one line: control characters removed, never interpreted. */
export function contextText(value: HostContextValue): string {
  return String(value).replace(CONTROL, "");
}
