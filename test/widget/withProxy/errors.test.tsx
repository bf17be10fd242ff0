import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { formatPercent, getMessages } from "../../../widget/messages/index.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { expectDraftKept, sendFilledTicket } from "../support/sendFilledTicket.ts";
import { serverPerFile } from "../support/testServer.ts";

const en = getMessages("en");
const server = serverPerFile();
const WAIT = { timeout: 15_000 };

describe("refusals the user must act on", () => {
  it("when tickets are disabled for the account, then the user is told what to do and keeps text and files", async () => {
    await server.control.setScenario({ ticketsEnabled: false });
    const { token } = await server.customer();
    await sendFilledTicket({ apiBase: server.url, customerToken: token });
    const alert = await screen.findByText(en.errors.TICKETS_DISABLED, {}, WAIT);
    expect(alert.closest("[role=alert]")).not.toBeNull();
    expectDraftKept();
    expect(screen.queryByRole("button", { name: en.retry })).not.toBeInTheDocument();
    expect(await server.tickets()).toEqual([]);
  });

  it("when the customer has no email on file, then the user is told to add one and keeps text and files", async () => {
    const { token } = await server.customer({ email: null });
    const { unmount } = await sendFilledTicket({
      apiBase: server.url,
      customerToken: token,
    });
    expect(await screen.findByText(en.errors.CUSTOMER_EMAIL_MISSING, {}, WAIT)).toBeInTheDocument();
    expectDraftKept();

    // The refused draft is still there after a reload (files cannot be kept; text is).
    unmount();
    renderWidget({ apiBase: server.url, customerToken: token });
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Where is my order?");
  });

  it("when Ripio is unavailable, then Retry is offered and sends the same draft once it is back", async () => {
    await server.control.addFault({
      target: "tickets",
      mode: "status",
      status: 503,
      count: 50,
    });
    const { token } = await server.customer();
    const { user } = await sendFilledTicket({ apiBase: server.url, customerToken: token });
    const retry = await screen.findByRole("button", { name: en.retry }, WAIT);
    expect(screen.getByText(en.errors.UPSTREAM_UNAVAILABLE)).toBeInTheDocument();
    expectDraftKept();

    await server.resetSandbox();
    await user.click(retry);
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending),
      WAIT,
    );
    const tickets = await server.tickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.files.map((f) => f.name)).toEqual(["receipt.pdf"]);
  });
});

describe("upload progress and cancel", () => {
  it("when a ticket is uploading, then a progressbar shows, and Cancel stops it keeping text and files", async () => {
    await server.control.setScenario({ latencyMs: 1500 });
    const { token } = await server.customer();
    const { user } = await sendFilledTicket({ apiBase: server.url, customerToken: token });
    const progress = await screen.findByRole("progressbar", { name: en.uploadLabel });
    expect(progress).toHaveAttribute("aria-valuemin", "0");
    expect(progress).toHaveAttribute("aria-valuemax", "100");
    // jsdom's XMLHttpRequest reports no computable upload progress (the fake XHR tests
    // drive the percent): here the user sees the bar at its start, as words and as a value.
    expect(progress).toHaveAttribute("aria-valuenow", "0");
    expect(progress).toHaveAttribute("aria-valuetext", formatPercent(0, "en"));
    expect(screen.getByText(formatPercent(0, "en"))).toBeInTheDocument();
    expect(screen.getByText(en.sending)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: en.cancel }));
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByText(en.cancelled)).toBeInTheDocument();
    expectDraftKept();
    expect(screen.getByRole("button", { name: "Send" })).toHaveFocus();
  });
});
