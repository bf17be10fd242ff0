import { describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { getMessages } from "../../../widget/messages/index.ts";
import { fillTicket } from "../support/fillTicket.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { serverPerFile } from "../support/testServer.ts";

const en = getMessages("en");
// Ripio takes its time here; the test decides when the ticket is registered.
const server = serverPerFile({ sandbox: { processingDelayMs: 10 * 60_000 } });
const WAIT = { timeout: 15_000 };

describe("the last ticket across a reload", () => {
  it("when the widget is remounted while the ticket is PENDING, then it is followed again until CREATED", async () => {
    const { token } = await server.customer();
    const first = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(first.user, "Slow ticket", "Registered later.");
    await first.user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending),
      WAIT,
    );
    first.unmount();

    renderWidget({ apiBase: server.url, customerToken: token });
    expect(screen.getByRole("status")).toHaveTextContent(en.statusPending);
    const [ticket] = await server.tickets();
    // Give the widget time to be holding its long poll, so the answer must come through it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.control.completeTicket(ticket?.ticketId ?? "", "CREATED");
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusCreated),
      WAIT,
    );
    const issueKey = (await server.tickets())[0]?.issueKey ?? "?";
    expect(screen.getByText(issueKey)).toBeInTheDocument();
  });

  it("when another customer opens the widget in the same tab, then they do not see that ticket", async () => {
    const { token: bob } = await server.customer();
    const first = renderWidget({ apiBase: server.url, customerToken: bob });
    await fillTicket(first.user, "Bob's ticket", "Only Bob may see it.");
    await first.user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending),
      WAIT,
    );
    first.unmount();

    const { token: alice } = await server.customer();
    renderWidget({ apiBase: server.url, customerToken: alice });
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("");
  });
});
