import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll, expect } from "vitest";

// The network is closed: the widget may talk to the test's proxy on loopback only. A call
// elsewhere is refused and fails the test after it (the widget would take a refusal for a
// network error and carry on, so the refusal alone could go unseen).
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Closes fetch and XHR beyond loopback; the refused URLs are kept in the returned list. */
function closeNetwork(): { refused: string[] } {
  const state = { refused: [] as string[] };
  const allowed = (url: string | URL): boolean => {
    const target = new URL(url, location.href);
    if (LOOPBACK.has(target.hostname)) return true;
    state.refused.push(target.href);
    return false;
  };
  const fetchOnLoopback = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input;
    return allowed(url)
      ? fetchOnLoopback(input, init)
      : Promise.reject(new TypeError(`Network closed in tests: ${String(url)}`));
  };
  const openOnLoopback = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function open(
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: [boolean?, (string | null)?, (string | null)?]
  ): void {
    if (!allowed(url)) throw new TypeError(`Network closed in tests: ${String(url)}`);
    // XHR's open has two signatures; the three-argument one is only valid with async given.
    (openOnLoopback as (...args: unknown[]) => void).call(this, method, url, ...rest);
  };
  return state;
}
// Once per window: the unit tier runs several files in one environment (isolate: false), and
// this file runs before each of them.
const GUARD = Symbol.for("ripio-help.closeWidgetNetwork");
const holder = globalThis as { [GUARD]?: { refused: string[] } };
const { refused } = (holder[GUARD] ??= closeNetwork());

// Every file starts from an empty page even when it shares the window with the one before.
beforeAll(() => {
  document.body.replaceChildren();
  sessionStorage.clear();
});
// Every test starts from an empty page and an empty session (drafts, last ticket).
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  const outside = refused.splice(0);
  expect(outside, "requests outside loopback").toEqual([]);
});
