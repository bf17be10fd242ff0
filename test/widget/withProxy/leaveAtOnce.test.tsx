import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { getMessages } from "../../../widget/messages/index.ts";
import { fillTicket } from "../support/fillTicket.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { serverPerFile } from "../support/testServer.ts";

const en = getMessages("en");
const server = serverPerFile();
const STATUS_TIMEOUT = { timeout: 15_000 };

/**
 * Presses the button named `name` in the same task as FAILED appears, before the render that
 * showed it has run its effects (on Preact they wait for the next frame): a quick tap, or a
 * screen reader user who knows the way.
 */
function pressWhenFailedShows(name: string): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!screen.queryByRole("status")?.textContent?.includes(en.statusFailed)) return;
      const button = screen.queryByRole("button", { name });
      if (!button) return;
      observer.disconnect();
      button.click();
      resolve();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** Sends a ticket Ripio will fail, and presses `name` in the mutation that shows FAILED. */
async function sendThenPressWhenFailed(name: string): Promise<void> {
  await server.control.setScenario({ nextOutcome: "FAILED" });
  const { token } = await server.customer();
  const { user } = renderWidget({ apiBase: server.url, customerToken: token });
  await fillTicket(user, "Card declined", "My card was declined twice.");
  const pressed = pressWhenFailedShows(name);
  await user.click(screen.getByRole("button", { name: en.send }));
  await pressed;
}

describe("leaving a FAILED ticket at once", () => {
  it("when Try again is pressed the moment FAILED shows, then the failed ticket does not come back and the new one is CREATED", async () => {
    await sendThenPressWhenFailed(en.tryAgain);

    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusCreated),
      STATUS_TIMEOUT,
    );
    const tickets = await server.tickets();
    expect(tickets.map((t) => [t.status, t.summary])).toEqual([
      ["FAILED", "Card declined"],
      ["CREATED", "Card declined"],
    ]);
  });

  it("when Send another is pressed the moment FAILED shows, then an empty form stays", async () => {
    await sendThenPressWhenFailed(en.sendAnother);

    const summary = await screen.findByRole("textbox", { name: "Summary" });
    // Long enough for any late status of the failed ticket to have landed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(summary).toBeInTheDocument();
    expect(summary).toHaveValue("");
    expect(screen.getByRole("status").textContent).toBe("");
  });
});
