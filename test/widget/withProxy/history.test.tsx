import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { getMessages } from "../../../widget/messages/index.ts";
import { historyMessages } from "../../../widget/messages/historyCatalogue.ts";
import { fillTicket } from "../support/fillTicket.ts";
import { renderWidget } from "../support/renderWidget.tsx";
import { serverPerFile } from "../support/testServer.ts";

const en = getMessages("en");
const list = historyMessages.en;
const server = serverPerFile();
const SLOW = { timeout: 15_000 };

/** The list's row (a listitem) whose summary is `summary`. */
const rowOf = (summary: string): HTMLElement => {
  const row = screen.getByText(summary).closest("li");
  if (!row) throw new Error(`no row for ${summary}`);
  return row;
};

async function openList(user: ReturnType<typeof renderWidget>["user"]) {
  await user.click(screen.getByRole("button", { name: en.yourTickets }));
  // The list is its own chunk: the first open in a file waits for it to be transformed.
  return screen.findByRole("heading", { name: list.heading }, SLOW);
}

describe("Your tickets", () => {
  it("when a ticket was just sent, then it is at the top at once and turns registered with its key by itself", async () => {
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Export button does nothing", "Clicking Export shows no file.");
    await user.click(screen.getByRole("button", { name: en.send }));
    await screen.findByText(en.statusPending);

    const heading = await openList(user);
    expect(heading).toHaveFocus();
    expect((await screen.findAllByRole("listitem"))[0]).toHaveTextContent(
      "Export button does nothing",
    );
    await waitFor(() => {
      const row = rowOf("Export button does nothing");
      expect(row).toHaveTextContent(list.created);
      expect(row).toHaveTextContent(/SUP-\d+/);
    }, SLOW);
    const row = rowOf("Export button does nothing");
    expect(within(row).getByRole("button", { name: en.copy })).toBeInTheDocument();
    const time = row.querySelector("time");
    expect(time?.getAttribute("title")).toMatch(/\d{4}/);
    expect(time).toHaveAccessibleDescription(time?.getAttribute("title") ?? "");
  });

  it("when the list is opened and closed with Back, then the draft stays as it was and focus returns", async () => {
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Half written", "Still typing this");
    await openList(user);
    expect(await screen.findByText(list.empty)).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Summary" })).toBeNull();
    await user.click(screen.getByRole("button", { name: list.back }));
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue("Half written");
    expect(screen.getByRole("textbox", { name: "Description" })).toHaveValue("Still typing this");
    expect(screen.getByRole("button", { name: en.yourTickets })).toHaveFocus();
  });

  it("when a ticket was not registered, then Send again opens the form with its summary", async () => {
    await server.control.setScenario({ nextOutcome: "FAILED" });
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Card declined", "Twice today.");
    await user.click(screen.getByRole("button", { name: en.send }));
    await screen.findByText(en.statusFailed, undefined, SLOW);
    await openList(user);
    const row = await waitFor(() => {
      const found = rowOf("Card declined");
      expect(found).toHaveTextContent(list.failed);
      return found;
    }, SLOW);
    await user.click(within(row).getByRole("button", { name: list.sendAgain }));
    expect(await screen.findByRole("textbox", { name: "Summary" })).toHaveValue("Card declined");
  });

  it("when a ticket is removed, then it asks once, leaves the list, and stays gone on reopening", async () => {
    const { token } = await server.customer();
    const { user } = renderWidget({ apiBase: server.url, customerToken: token });
    await fillTicket(user, "Remove me later", "Something");
    await user.click(screen.getByRole("button", { name: en.send }));
    await openList(user);
    const row = await waitFor(() => rowOf("Remove me later"));
    await user.click(within(row).getByRole("button", { name: list.remove }));
    const confirm = within(row).getByRole("group");
    expect(confirm).toHaveTextContent("Remove me later");
    await user.click(within(confirm).getByRole("button", { name: list.confirmYes }));
    await waitFor(() => expect(screen.queryByText("Remove me later")).toBeNull());
    await user.click(screen.getByRole("button", { name: list.back }));
    await openList(user);
    expect(await screen.findByText(list.empty)).toBeInTheDocument();
  });

  it("when the list cannot load, then a calm note with Retry shows, never a blank panel", async () => {
    // A token the proxy did not sign: every list request is refused.
    const { user } = renderWidget({ apiBase: server.url });
    await openList(user);
    expect(await screen.findByText(list.loadFailed)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: en.retry })).toBeInTheDocument();
  });

  it("when the customer changes in the same browser, then the list is the new customer's only", async () => {
    const alice = await server.customer();
    const bob = await server.customer();
    const { user, rerenderWith } = renderWidget({
      apiBase: server.url,
      customerToken: alice.token,
    });
    await fillTicket(user, "Alice's question", "Only Alice may see this");
    await user.click(screen.getByRole("button", { name: en.send }));
    await openList(user);
    await waitFor(() => rowOf("Alice's question"));
    rerenderWith({ customerToken: bob.token });
    expect(await screen.findByText(list.empty)).toBeInTheDocument();
    expect(screen.queryByText("Alice's question")).toBeNull();
  });
});
