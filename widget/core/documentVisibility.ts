import type { Visibility } from "./ticketFlowTypes.ts";

/** The page's visibility (`document.visibilityState`); always visible where there is no document. */
export function documentVisibility(): Visibility {
  const doc = typeof document === "undefined" ? null : document;
  return {
    isVisible: () => doc?.visibilityState !== "hidden",
    subscribe(onChange) {
      doc?.addEventListener("visibilitychange", onChange);
      return () => doc?.removeEventListener("visibilitychange", onChange);
    },
  };
}
