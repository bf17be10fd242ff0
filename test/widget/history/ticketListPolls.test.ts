import { describe, expect, it } from "vitest";
import { waitFor } from "@testing-library/react";
import type { ListedTicket } from "../../../contract/index.ts";
import type { ApiClient, TicketListPage } from "../../../widget/api/createApiClient.ts";
import { createTicketList } from "../../../widget/history/createTicketList.ts";

type ListRequest = Parameters<ApiClient["listTickets"]>[0];

/** A client whose list requests wait for the test to answer them (the rest is never used). */
function fakeListClient() {
  const requests: { options: ListRequest; answer(page: TicketListPage): void }[] = [];
  const client: ApiClient = {
    listTickets: (options) => new Promise((resolve) => requests.push({ options, answer: resolve })),
    submitTicket: () => Promise.reject(new Error("not in these tests")),
    getTicket: () => Promise.reject(new Error("not in these tests")),
    getConfig: () => Promise.reject(new Error("not in these tests")),
    removeTicket: () => Promise.reject(new Error("not in these tests")),
  };
  return { client, requests };
}

const row = (ticketId: string, status: ListedTicket["status"], minute: number): ListedTicket => ({
  ticketId,
  status,
  issueKey: status === "CREATED" ? `SUP-${minute}` : null,
  summary: `Ticket ${ticketId}`,
  createdAt: new Date(Date.UTC(2026, 11, 4, 10, minute)).toISOString(),
  attachmentCount: 0,
});

describe("createTicketList's long polls", () => {
  it("when a list with PENDING rows is followed, then each poll sends the version it shows as since", async () => {
    const { client, requests } = fakeListClient();
    const list = createTicketList({ client });
    const stop = list.follow();
    list.refresh();
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.options).toEqual({ limit: 20 });
    requests[0]?.answer({
      tickets: [row("b", "PENDING", 2), row("a", "PENDING", 1)],
      next: null,
      version: "100",
    });

    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]?.options).toMatchObject({ limit: 2, waitSeconds: 25, since: "100" });
    requests[1]?.answer({
      tickets: [row("b", "PENDING", 2), row("a", "CREATED", 1)],
      next: null,
      version: "107",
    });

    await waitFor(() => expect(requests).toHaveLength(3));
    expect(list.getSnapshot().tickets.map((t) => t.status)).toEqual(["PENDING", "CREATED"]);
    expect(requests[2]?.options).toMatchObject({ since: "107" });
    requests[2]?.answer({
      tickets: [row("b", "FAILED", 2), row("a", "CREATED", 1)],
      next: null,
      version: "109",
    });
    await waitFor(() => expect(list.getSnapshot().tickets[0]?.status).toBe("FAILED"));
    stop();
    // Nothing PENDING is left: no fourth poll.
    expect(requests).toHaveLength(3);
  });

  it("when Show more answers with a newer version, then the next poll still sends the version of the rows on top", async () => {
    const { client, requests } = fakeListClient();
    const list = createTicketList({ client, pageSize: 1 });
    list.refresh();
    await waitFor(() => expect(requests).toHaveLength(1));
    requests[0]?.answer({ tickets: [row("b", "PENDING", 2)], next: "cursor-b", version: "100" });
    await waitFor(() => expect(list.getSnapshot().phase).toBe("ready"));
    list.showMore();
    await waitFor(() => expect(requests).toHaveLength(2));
    // The top row may have changed meanwhile: that page's version says nothing about it.
    requests[1]?.answer({ tickets: [row("a", "CREATED", 1)], next: null, version: "104" });
    await waitFor(() => expect(list.getSnapshot().tickets).toHaveLength(2));

    const stop = list.follow();
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(requests[2]?.options).toMatchObject({ waitSeconds: 25, since: "100" });
    stop();
  });
});
