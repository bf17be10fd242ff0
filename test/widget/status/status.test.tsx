import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, screen } from "@testing-library/react";
import type { Ticket } from "../../../contract/index.ts";
import { getMessages } from "../../../widget/messages/index.ts";
import { backoffDelay } from "../../../widget/core/backoffDelay.ts";
import { buildTicket, fakeToken } from "../support/builders.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { storeLastTicket } from "../support/storedTicket.ts";

const en = getMessages("en");
const PENDING = buildTicket();
const CREATED = buildTicket({ status: "CREATED" });

/** The proxy's status endpoint as a script: each call takes the next answer. */
function scriptedStatus(answers: (() => Response | Promise<Response>)[]) {
  const calls: { url: string; at: number }[] = [];
  const fetch = vi.fn(async (url: string | URL) => {
    calls.push({ url: String(url), at: Date.now() });
    const next = answers[Math.min(calls.length - 1, answers.length - 1)];
    return next ? next() : new Response("{}", { status: 500 });
  });
  vi.stubGlobal("fetch", fetch);
  return calls;
}
const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function setPageHidden(hidden: boolean): void {
  Object.defineProperty(document, "visibilityState", {
    value: hidden ? "hidden" : "visible",
    configurable: true,
  });
  document.dispatchEvent(new Event("visibilitychange"));
}

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
  });
  storeLastTicket(fakeToken("cus_test"), PENDING);
});
afterEach(() => {
  setPageHidden(false);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("following a PENDING ticket", () => {
  it("when answers come back at once (no long poll in between), then asking backs off 1 s → 10 s", async () => {
    const calls = scriptedStatus([json(PENDING)]);
    renderWidget({ apiBase: "https://proxy.example" });
    await advance(0);
    expect(calls[0]?.url).toBe("https://proxy.example/api/tickets/t-1?wait=20");
    await advance(60_000);
    const gaps = calls.slice(1).map((call, i) => call.at - (calls[i]?.at ?? 0));
    expect(gaps.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(backoffDelay(0)).toBe(1000);
  });

  it("when the long poll is held until the status changes, then it asks again at once and stops at CREATED", async () => {
    const held = (ticket: Ticket) => async () => {
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      return json(ticket)();
    };
    const calls = scriptedStatus([held(PENDING), held(CREATED)]);
    const onStatusChange = vi.fn();
    renderWidget({ apiBase: "https://proxy.example", onStatusChange });
    await advance(20_000);
    await advance(100);
    expect(calls).toHaveLength(2);
    await advance(20_000);
    expect(screen.getByText("SUP-1001")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(en.statusCreated);
    expect(onStatusChange).toHaveBeenCalledWith(CREATED);
    await advance(60_000);
    expect(calls).toHaveLength(2);
  });

  it("when asking fails, then it retries with backoff and says it is still trying", async () => {
    const calls = scriptedStatus([
      json({ error: { code: "UPSTREAM_UNAVAILABLE", message: "down" } }, 503),
      json({ error: { code: "UPSTREAM_UNAVAILABLE", message: "down" } }, 503),
      json(CREATED),
    ]);
    renderWidget({ apiBase: "https://proxy.example" });
    await advance(0);
    expect(calls).toHaveLength(1);
    await advance(1000);
    expect(calls).toHaveLength(2);
    expect(screen.getByText(en.statusTrouble)).toBeInTheDocument();
    await advance(2000);
    expect(calls).toHaveLength(3);
    await advance(10);
    expect(screen.getByText("SUP-1001")).toBeInTheDocument();
    expect(screen.queryByText(en.statusTrouble)).not.toBeInTheDocument();
  });

  it("when the ticket is not found (another customer's, or forgotten), then it stops and says so", async () => {
    const calls = scriptedStatus([
      json({ error: { code: "TICKET_NOT_FOUND", message: "no" } }, 404),
    ]);
    renderWidget({ apiBase: "https://proxy.example" });
    await advance(30_000);
    expect(calls).toHaveLength(1);
    expect(screen.getByText(en.errors.TICKET_NOT_FOUND)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: en.sendAnother })).toBeInTheDocument();
  });

  it("when the page is hidden, then no status is asked until it is visible again", async () => {
    const calls = scriptedStatus([json(PENDING)]);
    renderWidget({ apiBase: "https://proxy.example" });
    await advance(0);
    expect(calls).toHaveLength(1);
    setPageHidden(true);
    await advance(60_000);
    expect(calls).toHaveLength(1);
    setPageHidden(false);
    await advance(0);
    expect(calls).toHaveLength(2);
  });
});
