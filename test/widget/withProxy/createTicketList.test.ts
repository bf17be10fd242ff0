import { describe, expect, it } from "vitest";
import { waitFor } from "@testing-library/react";
import { createApiClient } from "../../../widget/api/createApiClient.ts";
import { createTicketList, ticketListFor } from "../../../widget/history/createTicketList.ts";
import { serverPerFile } from "../support/testServer.ts";

const server = serverPerFile();

async function clientWithTickets(count: number) {
  const { token } = await server.customer();
  const client = createApiClient({ apiBase: server.url, getToken: async () => token });
  for (let i = 1; i <= count; i += 1) {
    await client.submitTicket({
      summary: `Ticket ${i}`,
      description: "Details",
      files: [],
      idempotencyKey: `key-${i}-${token.slice(-8)}`,
    });
  }
  return client;
}

describe("createTicketList", () => {
  it("when pages are shown one after another, then every ticket comes once, newest first, and Show more ends", async () => {
    const client = await clientWithTickets(5);
    const list = createTicketList({ client, pageSize: 2 });
    list.refresh();
    await waitFor(() => expect(list.getSnapshot().phase).toBe("ready"));
    expect(list.getSnapshot().tickets.map((t) => t.summary)).toEqual(["Ticket 5", "Ticket 4"]);
    list.showMore();
    await waitFor(() => expect(list.getSnapshot().tickets).toHaveLength(4));
    list.showMore();
    await waitFor(() => expect(list.getSnapshot().next).toBeNull());
    expect(list.getSnapshot().tickets.map((t) => t.summary)).toEqual([
      "Ticket 5",
      "Ticket 4",
      "Ticket 3",
      "Ticket 2",
      "Ticket 1",
    ]);
  });

  it("when followed with a PENDING row, then the row turns CREATED without another refresh", async () => {
    const client = await clientWithTickets(1);
    const list = createTicketList({ client });
    const stop = list.follow();
    list.refresh();
    await waitFor(() => expect(list.getSnapshot().tickets[0]?.status).toBe("PENDING"));
    await waitFor(() => expect(list.getSnapshot().tickets[0]?.status).toBe("CREATED"), {
      timeout: 10_000,
    });
    stop();
  });

  it("when asked for two customers, then each has its own list; the same customer gets the same", async () => {
    const client = createApiClient({ apiBase: server.url, getToken: async () => null });
    expect(ticketListFor(client, "cus_a")).toBe(ticketListFor(client, "cus_a"));
    expect(ticketListFor(client, "cus_a")).not.toBe(ticketListFor(client, "cus_b"));
  });
});
