import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { TICKET_LIMITS } from "../../../contract/index.ts";
import { fill, getMessages } from "../../../widget/messages/index.ts";
import { fillTicket } from "../support/fillTicket.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { serverPerFile } from "../support/testServer.ts";

declare const __VERSION__: string;

const en = getMessages("en");
const server = serverPerFile();
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const WAIT = { timeout: 15_000 };

beforeEach(() => {
  vi.spyOn(navigator, "userAgent", "get").mockReturnValue(CHROME);
  // The host page's address carries a token and a fragment the ticket must never carry.
  history.replaceState(null, "", "/shop/checkout?token=abc123#secret");
});
afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, "", "/");
});

const disclosure = () => screen.getByRole("button", { name: en.details.title });
const includeBox = () => screen.getByRole("checkbox", { name: en.details.include });

/** The description the sandbox (Ripio) received for the one ticket sent. */
async function receivedDescription(): Promise<string> {
  await waitFor(async () => expect(await server.tickets()).toHaveLength(1), WAIT);
  return (await server.tickets())[0]?.description ?? "";
}

async function renderForCustomer(props: Parameters<typeof renderWidget>[0] = {}) {
  const { token } = await server.customer();
  return renderWidget({ apiBase: server.url, customerToken: token, ...props });
}

describe("Technical details", () => {
  it("when the form opens, then the disclosure is collapsed, the checkbox checked, and nothing listed", async () => {
    await renderForCustomer({ context: { plan: "pro" } });
    expect(disclosure()).toHaveAttribute("aria-expanded", "false");
    expect(includeBox()).toBeChecked();
    expect(screen.queryByRole("list", { hidden: false })).not.toBeInTheDocument();
    expect(screen.queryByText("plan")).not.toBeInTheDocument();
  });

  it("when expanded by keyboard, then each item shows as label and value, host markup as text, and axe finds nothing", async () => {
    const { user, container } = await renderForCustomer({
      context: { plan: "pro", note: "<img src=x onerror=alert(1)>" },
    });
    disclosure().focus();
    await user.keyboard("{Enter}");
    expect(disclosure()).toHaveAttribute("aria-expanded", "true");
    const list = await screen.findByRole("list");
    const rows = within(list).getAllByRole("listitem");
    const labels = rows.map((row) => row.firstChild?.firstChild?.textContent);
    expect(labels).toEqual([
      en.details.items.page,
      en.details.items.browser,
      en.details.items.os,
      en.details.items.viewport,
      en.details.items.language,
      en.details.items.timeZone,
      en.details.items.widget,
      "plan",
      "note",
    ]);
    expect(within(list).getByText("http://localhost:3000/shop/checkout")).toBeInTheDocument();
    expect(within(list).getByText("Chrome 131")).toBeInTheDocument();
    expect(within(list).getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    for (const name of [en.details.items.browser, "plan"]) {
      expect(
        screen.getByRole("button", { name: fill(en.details.remove, { name }) }),
      ).toBeInTheDocument();
    }
    const results = await axe.run(container);
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it("when sent, then Ripio gets the block with the page without its query or fragment, and the counter counted only the text", async () => {
    const { user } = await renderForCustomer({ context: { plan: "pro", seats: 3 } });
    await fillTicket(user, "Checkout fails", "The pay button spins.");
    const description = screen.getByRole("textbox", { name: "Description" });
    // "21 / 5,000": what the user typed, whatever the details add.
    const max = new Intl.NumberFormat("en").format(TICKET_LIMITS.descriptionMaxChars);
    expect(screen.getByText(fill(en.counter, { count: "21", max }))).toBeInTheDocument();
    expect(description).toHaveValue("The pay button spins.");
    await user.click(screen.getByRole("button", { name: "Send" }));
    const received = await receivedDescription();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(received).toBe(
      [
        "The pay button spins.",
        "",
        "—",
        "Technical details",
        "Page: http://localhost:3000/shop/checkout",
        `Browser: Chrome 131 on Windows · ${innerWidth}×${innerHeight} · ${navigator.language} · ${zone}`,
        `Widget: ${__VERSION__}`,
        "plan: pro",
        "seats: 3",
      ].join("\n"),
    );
    expect(received).not.toMatch(/abc123|secret/);
  });

  it("when items are removed, then focus moves on, they stay removed for the draft after a reload, and are not sent", async () => {
    const { token } = await server.customer();
    const props = { apiBase: server.url, customerToken: token, context: { plan: "pro" } };
    const first = renderWidget(props);
    await fillTicket(first.user, "Removed", "Remove some details.");
    await first.user.click(disclosure());
    await first.user.click(await screen.findByRole("button", { name: "Remove Page" }));
    expect(screen.queryByText("http://localhost:3000/shop/checkout")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Remove Browser" })).toHaveFocus();
    await first.user.click(screen.getByRole("button", { name: "Remove plan" }));
    expect(screen.getByText(fill(en.details.removed, { name: "plan" }))).toBeInTheDocument();

    // A reload: the same customer's draft comes back with its choices.
    first.unmount();
    const again = renderWidget(props);
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Removed");
    await again.user.click(disclosure());
    await screen.findByRole("button", { name: "Remove Browser" });
    expect(screen.queryByRole("button", { name: "Remove Page" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Remove plan" })).not.toBeInTheDocument();
    await again.user.click(screen.getByRole("button", { name: "Send" }));
    const received = await receivedDescription();
    expect(received).toContain("Browser: Chrome 131");
    expect(received).not.toContain("Page:");
    expect(received).not.toContain("plan: pro");
  });

  it("when Ripio fails the ticket and the user presses Try again, then it is resent without what they removed", async () => {
    await server.control.setScenario({ nextOutcome: "FAILED" });
    const { user } = await renderForCustomer({ context: { plan: "pro" } });
    await fillTicket(user, "Twice", "Failed once.");
    await user.click(disclosure());
    await user.click(await screen.findByRole("button", { name: "Remove plan" }));
    await user.click(screen.getByRole("button", { name: "Send" }));
    await user.click(await screen.findByRole("button", { name: en.tryAgain }, WAIT));
    await waitFor(async () => expect(await server.tickets()).toHaveLength(2), WAIT);
    const [failed, again] = (await server.tickets()).map((ticket) => ticket.description);
    expect(failed).toContain("Browser: Chrome 131");
    expect(again).toBe(failed);
    expect(again).not.toContain("plan: pro");
  });

  it("when Include technical details is unchecked, then the ticket goes without the block", async () => {
    const { user } = await renderForCustomer({ context: { plan: "pro" } });
    await fillTicket(user, "No details", "Send nothing else.");
    await user.click(includeBox());
    expect(includeBox()).not.toBeChecked();
    await user.click(disclosure());
    expect(screen.getByText(en.details.excluded)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(await receivedDescription()).toBe("Send nothing else.");
  });

  it("when the host sets collectContext: false, then there is no disclosure and nothing is gathered", async () => {
    const { user } = await renderForCustomer({ collectContext: false, context: { plan: "pro" } });
    expect(screen.queryByRole("button", { name: en.details.title })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: en.details.include })).not.toBeInTheDocument();
    await fillTicket(user, "Off", "The host turned it off.");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(await receivedDescription()).toBe("The host turned it off.");
  });

  it("when the host's context breaks the rules, then the bad entries are left out with a warning and the ticket goes", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const eleven = Object.fromEntries([...Array(11).keys()].map((i) => [`k${i}`, i]));
    const hostile = { ...eleven, "bad key": 1, nested: { a: 1 }, long: "x".repeat(201) };
    const { user } = await renderForCustomer({ context: hostile as never });
    await fillTicket(user, "Hostile", "The host got it wrong.");
    await user.click(screen.getByRole("button", { name: "Send" }));
    const received = await receivedDescription();
    expect(received).toContain("k9: 9");
    expect(received).not.toMatch(/k10|bad key|nested|long/);
    const warned = warn.mock.calls.map((call) => String(call[0])).join("\n");
    for (const key of ["k10", "bad key", "nested", "long"]) expect(warned).toContain(key);
  });

  it("when the locale is Spanish, then the disclosure, the checkbox and the labels are in Spanish", async () => {
    const es = getMessages("es");
    const { user } = await renderForCustomer({ locale: "es" });
    await user.click(screen.getByRole("button", { name: es.details.title }));
    expect(screen.getByRole("checkbox", { name: es.details.include })).toBeChecked();
    expect(await screen.findByText(es.details.items.timeZone)).toBeInTheDocument();
    expect(
      screen.getByRole("button", {
        name: fill(es.details.remove, { name: es.details.items.page }),
      }),
    ).toBeInTheDocument();
  });
});
