import type { StoreSettings } from "../config.ts";

/** What a log line may say about the store: the engine and where, never a password. */
export function describeStore(settings: StoreSettings): string {
  if (settings.kind === "memory") return "memory (this process only)";
  if (settings.kind === "sqlite") return `sqlite:${settings.path}`;
  try {
    const url = new URL(settings.url);
    return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname}`;
  } catch {
    return "redis (unparsable URL)";
  }
}
