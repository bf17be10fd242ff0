import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { TICKET_LIMITS } from "../../../contract/index.ts";
import { fill, getMessages } from "../../../widget/messages/index.ts";
import { fileBytes, sha256 } from "../../support/sandboxFiles.ts";
import { buildFile } from "../support/builders.ts";
import { fillTicket } from "../support/fillTicket.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { serverPerFile } from "../support/testServer.ts";

const en = getMessages("en");
const server = serverPerFile();
const STATUS_TIMEOUT = { timeout: 15_000 };

describe("sending a ticket to the real proxy", () => {
  it("when a ticket with two files is sent, then PENDING shows, then CREATED with its issueKey and the email note", async () => {
    const onSubmitted = vi.fn();
    const onStatusChange = vi.fn();
    const { customerId, token } = await server.customer();
    const { user } = renderWidget({
      apiBase: server.url,
      customerToken: token,
      onSubmitted,
      onStatusChange,
    });
    // The proxy's ALLOWED_ORIGINS must hold jsdom's origin for these requests to pass CORS.
    expect(location.origin).toBe("http://localhost:3000");
    const png = buildFile("screenshot.png", { type: "image/png", bytes: 40_000 });
    const pdf = buildFile("invoice.pdf", { type: "application/pdf", bytes: 120_000 });
    await fillTicket(user, "Export fails", "The export button does nothing.");
    await user.upload(screen.getByLabelText("Attachments"), [png, pdf]);
    await user.click(screen.getByRole("button", { name: "Send" }));

    const status = await screen.findByRole("status");
    await waitFor(() => expect(status).toHaveTextContent(en.statusPending), STATUS_TIMEOUT);
    expect(onSubmitted).toHaveBeenCalledWith(
      expect.objectContaining({ status: "PENDING", issueKey: null }),
    );

    const [ticket] = await server.tickets();
    await waitFor(() => expect(status).toHaveTextContent(en.statusCreated), STATUS_TIMEOUT);
    const issueKey = (await server.tickets())[0]?.issueKey ?? "?";
    expect(issueKey).toMatch(/^SUP-\d+$/);
    expect(within(status).getByText(issueKey)).toBeInTheDocument();
    expect(status).toHaveTextContent(en.emailNote);
    // Told from an effect, which may run after the status is painted (React's act() flushes
    // effects at once; Preact runs them after the next frame, like a browser without act).
    await waitFor(() =>
      expect(onStatusChange).toHaveBeenCalledWith({
        ticketId: ticket?.ticketId,
        status: "CREATED",
        issueKey,
      }),
    );

    expect(ticket?.customerId).toBe(customerId);
    expect(ticket?.summary).toBe("Export fails");
    expect(ticket?.files.map((f) => [f.name, f.size, f.sha256])).toEqual([
      ["screenshot.png", png.size, sha256(fileBytes("png", 40_000))],
      ["invoice.pdf", pdf.size, sha256(fileBytes("pdf", 120_000))],
    ]);
    // The draft is gone once the proxy accepted it.
    expect(Object.keys(sessionStorage).some((key) => key.includes("/draft/"))).toBe(false);
  });

  it("when the summary is 240 emoji and the description 5000 characters, then both arrive whole", async () => {
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    const summary = "😀".repeat(TICKET_LIMITS.summaryMaxChars);
    const description = "ñ".repeat(TICKET_LIMITS.descriptionMaxChars);
    await fillTicket(user, summary, description);
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending),
      STATUS_TIMEOUT,
    );
    const [ticket] = await server.tickets();
    expect(ticket?.summary).toBe(summary);
    expect(ticket?.description).toBe(description);
  });

  it("when Send is pressed again while a ticket is in flight, then only one request is made", async () => {
    await server.control.setScenario({ latencyMs: 600 });
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Twice", "Pressed Send twice.");
    const send = screen.getByRole("button", { name: "Send" });
    await user.click(send);
    expect(send).toHaveAttribute("aria-disabled", "true");
    await user.click(send);
    await user.keyboard("{Enter}");
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusPending),
      STATUS_TIMEOUT,
    );
    expect(await server.tickets()).toHaveLength(1);
  });

  it("when Ripio fails the ticket, then FAILED shows and Try again sends the same draft as a new ticket", async () => {
    await server.control.setScenario({ nextOutcome: "FAILED" });
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Card declined", "My card was declined twice.");
    await user.upload(
      screen.getByLabelText("Attachments"),
      buildFile("card.jpg", { type: "image/jpeg" }),
    );
    await user.click(screen.getByRole("button", { name: "Send" }));
    const tryAgain = await screen.findByRole("button", { name: en.tryAgain }, STATUS_TIMEOUT);
    expect(screen.getByRole("status")).toHaveTextContent(en.statusFailed);

    await user.click(tryAgain);
    await waitFor(
      () => expect(screen.getByRole("status")).toHaveTextContent(en.statusCreated),
      STATUS_TIMEOUT,
    );
    const tickets = await server.tickets();
    expect(tickets.map((t) => t.status)).toEqual(["FAILED", "CREATED"]);
    expect(tickets[1]?.summary).toBe("Card declined");
    expect(tickets[1]?.files.map((f) => f.name)).toEqual(["card.jpg"]);
    expect(screen.getByText(tickets[1]?.issueKey ?? "?")).toBeInTheDocument();
  });

  it("when a file's bytes are not what its name says, then the proxy's refusal lands on that file and the text stays", async () => {
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Photo", "See the photo.");
    const fake = new File(["MZ this is not a png at all"], "photo.png", { type: "image/png" });
    await user.upload(screen.getByLabelText("Attachments"), fake);
    await user.click(screen.getByRole("button", { name: "Send" }));
    const reason = en.fileReasons.FILE_CONTENT_MISMATCH;
    const alert = await screen.findByText(
      fill(en.fileRefused, { name: "photo.png", reason }),
      {},
      STATUS_TIMEOUT,
    );
    expect(alert).toHaveAttribute("role", "alert");
    const row = screen.getByText("photo.png", { selector: ".rhw-file-name" }).closest("li");
    expect(row).toHaveTextContent(fill(en.fileNotAttached, { reason }));
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Photo");
    expect(await server.tickets()).toEqual([]);
  });
});
