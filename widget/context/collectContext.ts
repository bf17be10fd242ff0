import {
  CONTEXT_ITEMS,
  CONTEXT_LIMITS,
  contextText,
  hostEntryProblem,
  type ContextItem,
  type HostContext,
  type HostContextValue,
  type TicketContext,
} from "../../contract/ticketContext.ts";

declare const __VERSION__: string;

/** What the browser tells of itself, read at one moment (see `readBrowserFacts`). */
export interface BrowserFacts {
  /** `location.origin` and `location.pathname`: the query string and fragment are never read. */
  origin: string;
  pathname: string;
  userAgent: string;
  width: number;
  height: number;
  language: string;
  timeZone: string;
}

/** Reads the facts from the page the widget runs in; call it at Send, not before. */
export function readBrowserFacts(): BrowserFacts {
  return {
    origin: location.origin,
    pathname: location.pathname,
    userAgent: navigator.userAgent,
    width: Math.round(window.innerWidth),
    height: Math.round(window.innerHeight),
    language: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

// Most specific first: Edge, Opera and Samsung Internet also say "Chrome/".
const BROWSERS: readonly [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/(?:OPR|Opera)\/(\d+)/, "Opera"],
  [/SamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/(?:Firefox|FxiOS)\/(\d+)/, "Firefox"],
  [/(?:Chrome|CriOS)\/(\d+)/, "Chrome"],
  [/Version\/(\d+(?:\.\d+)?).*Safari\//, "Safari"],
];

/** "Chrome 131" from a user agent; `undefined` when it is none we know. */
export function browserName(userAgent: string): string | undefined {
  for (const [pattern, name] of BROWSERS) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return `${name} ${version}`;
  }
  return undefined;
}

/**
 * The operating system from a user agent. Browsers freeze the Windows and macOS versions in
 * it (Windows 11 says "Windows NT 10.0"), so those are named without one.
 */
export function osName(userAgent: string): string | undefined {
  const android = /Android (\d+(?:\.\d+)?)/.exec(userAgent);
  if (android) return `Android ${android[1]}`;
  const ios = /(?:iPhone|iPad|iPod).*? OS (\d+)(?:_(\d+))?/.exec(userAgent);
  if (ios) return `iOS ${ios[1]}${ios[2] ? `.${ios[2]}` : ""}`;
  if (/Windows/.test(userAgent)) return "Windows";
  if (/CrOS/.test(userAgent)) return "ChromeOS";
  if (/Mac OS X|Macintosh/.test(userAgent)) return "macOS";
  if (/Linux/.test(userAgent)) return "Linux";
  return undefined;
}

const cut = (text: string, max: number): string => [...text].slice(0, max).join("");

/** The page as the rules want it: http(s), origin and path only, within its length. */
function pageOf(facts: BrowserFacts): string | undefined {
  if (!/^https?:\/\//.test(facts.origin)) return undefined;
  const page = cut(`${facts.origin}${facts.pathname}`, CONTEXT_LIMITS.pageMaxChars);
  return /[\s?#]/.test(page) ? undefined : page;
}

/**
 * The host's entries that keep the rules (contract/ticketContext.ts), at most 10, and why
 * each other one was left out: a host's mistake must not stop its user's ticket.
 */
export function usableHostContext(host: unknown): { host: HostContext; leftOut: string[] } {
  const kept: Record<string, HostContextValue> = {};
  const leftOut: string[] = [];
  if (host === undefined || host === null) return { host: kept, leftOut };
  if (typeof host !== "object" || Array.isArray(host)) {
    return { host: kept, leftOut: ["context must be an object of entries"] };
  }
  for (const [key, value] of Object.entries(host)) {
    const problem = hostEntryProblem(key, value);
    if (problem) leftOut.push(problem);
    else if (Object.keys(kept).length >= CONTEXT_LIMITS.maxHostEntries) {
      leftOut.push(`${key}: past the first ${CONTEXT_LIMITS.maxHostEntries} entries`);
    } else {
      // Cleaned here too, so the preview shows what arrives and JSON escapes cannot bloat it.
      kept[key] = typeof value === "string" ? contextText(value) : (value as HostContextValue);
    }
  }
  return { host: kept, leftOut };
}

/** Every item's value, as gathered from `facts` and the host's usable entries. */
export function collectContext(facts: BrowserFacts, host: HostContext): TicketContext {
  const text = (value: string): string | undefined =>
    cut(contextText(value).trim(), CONTEXT_LIMITS.valueMaxChars) || undefined;
  const gathered: Record<keyof TicketContext, unknown> = {
    page: pageOf(facts),
    browser: browserName(facts.userAgent),
    os: osName(facts.userAgent),
    viewport:
      facts.width > 0 && facts.height > 0
        ? {
            width: Math.min(facts.width, CONTEXT_LIMITS.viewportMax),
            height: Math.min(facts.height, CONTEXT_LIMITS.viewportMax),
          }
        : undefined,
    language: text(facts.language),
    timeZone: text(facts.timeZone),
    widget: __VERSION__,
    host,
  };
  // Unknown items are left out, not sent empty.
  return Object.fromEntries(
    Object.entries(gathered).filter(([, value]) => value !== undefined),
  ) as TicketContext;
}

/** Names a removable item: a gathered one by its name, a host entry as `host:key`. */
export type DetailId = ContextItem | `host:${string}`;

/** One row of the disclosure: what it is, and its value as text. */
export interface DetailRow {
  id: DetailId;
  /** A gathered item's name (its label is in the messages), or `null` for a host entry. */
  item: ContextItem | null;
  key: string;
  value: string;
}

/** The rows of `context` in the order the block shows them. */
export function detailRows(context: TicketContext): DetailRow[] {
  const rows: DetailRow[] = [];
  for (const item of CONTEXT_ITEMS) {
    const value = context[item];
    if (value === undefined) continue;
    const shown = typeof value === "string" ? value : `${value.width}\u00d7${value.height}`;
    rows.push({ id: item, item, key: item, value: shown });
  }
  for (const [key, value] of Object.entries(context.host ?? {})) {
    rows.push({ id: `host:${key}`, item: null, key, value: contextText(value) });
  }
  return rows;
}

/**
 * What goes with the ticket, read now: the browser's facts and the host's usable entries,
 * without what the user removed; `null` when nothing is left. Bad host entries are told to
 * the host's developer on the console.
 */
export function gatherContext(host: unknown, removed: readonly string[]): TicketContext | null {
  const usable = usableHostContext(host);
  for (const reason of usable.leftOut)
    console.warn(`Ripio Help: context entry left out: ${reason}`);
  return withoutRemoved(collectContext(readBrowserFacts(), usable.host), new Set(removed));
}

/** The rows the open disclosure shows now (a preview: what is sent is read again at Send). */
export function previewRows(host: unknown): DetailRow[] {
  return detailRows(collectContext(readBrowserFacts(), usableHostContext(host).host));
}

/** `context` without the removed items; `null` when nothing is left to send. */
export function withoutRemoved(
  context: TicketContext,
  removed: ReadonlySet<string>,
): TicketContext | null {
  const kept: Record<string, unknown> = {};
  for (const item of CONTEXT_ITEMS) {
    if (context[item] !== undefined && !removed.has(item)) kept[item] = context[item];
  }
  const host = Object.entries(context.host ?? {}).filter(([key]) => !removed.has(`host:${key}`));
  if (host.length > 0) kept.host = Object.fromEntries(host);
  return Object.keys(kept).length > 0 ? (kept as TicketContext) : null;
}
