import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ApiClientError } from "../../../widget/api/ApiClientError.ts";
import { createApiClient } from "../../../widget/api/createApiClient.ts";
import { buildFile } from "../support/builders.ts";
import { serverPerFile } from "../support/testServer.ts";

const server = serverPerFile();

describe("the API client against the real proxy", () => {
  it("when the same draft is sent twice with its idempotency key, then one ticket exists and both answers name it", async () => {
    const { token } = await server.customer();
    const client = createApiClient({ apiBase: server.url, getToken: async () => token });
    const submission = {
      summary: "Once",
      description: "Sent twice after a lost answer.",
      files: [buildFile("a.png", { type: "image/png" })],
      idempotencyKey: "draft-key-1",
    };
    const first = await client.submitTicket(submission);
    const second = await client.submitTicket(submission);
    expect(second.ticketId).toBe(first.ticketId);
    expect(await server.tickets()).toHaveLength(1);
  });

  it("when the status is asked with a wait, then the answer comes as soon as the ticket is registered", async () => {
    await server.control.setScenario({ processingDelayMs: 60_000 });
    const { token } = await server.customer();
    const client = createApiClient({ apiBase: server.url, getToken: async () => token });
    const { ticketId } = await client.submitTicket({
      summary: "Long poll",
      description: "Held until registered.",
      files: [],
      idempotencyKey: "wait-key",
    });
    // Ripio takes a minute here, so a CREATED answer within the 20 s wait can only be the
    // held request answering on the change.
    const answer = client.getTicket(ticketId, { waitSeconds: 20 });
    setTimeout(() => void server.control.completeTicket(ticketId, "CREATED"), 400);
    expect(await answer).toMatchObject({ ticketId, status: "CREATED" });
  });

  it("when another customer asks for a ticket, then it is not found", async () => {
    const { token: alice } = await server.customer();
    const { token: bob } = await server.customer();
    const asAlice = createApiClient({ apiBase: server.url, getToken: async () => alice });
    const asBob = createApiClient({ apiBase: server.url, getToken: async () => bob });
    const { ticketId } = await asAlice.submitTicket({
      summary: "Mine",
      description: "Alice's ticket.",
      files: [],
      idempotencyKey: "alice-key",
    });
    await expect(asBob.getTicket(ticketId)).rejects.toMatchObject({
      code: "TICKET_NOT_FOUND",
      status: 404,
    });
  });

  it("when the proxy cannot be reached, then the error is NETWORK_ERROR", async () => {
    const client = createApiClient({ apiBase: "http://127.0.0.1:9", getToken: async () => "t" });
    const error = await client
      .submitTicket({ summary: "s", description: "d", files: [], idempotencyKey: "k" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ code: "NETWORK_ERROR", status: 0 });
  });

  it("when the config is asked, then the proxy's answer comes back as the contract's config", async () => {
    const { token } = await server.customer();
    const client = createApiClient({ apiBase: server.url, getToken: async () => token });
    expect(await client.getConfig()).toMatchObject({
      ticketsEnabled: true,
      limits: { maxFiles: 5 },
    });
  });

  it("when the config answer does not have the config's shape, then getConfig fails as unreadable", async () => {
    // A proxy of another version, or something else answering on its path.
    const other = createServer((_req, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "access-control-allow-origin": "*",
      });
      res.end(JSON.stringify({ ticketsEnabled: "yes", limits: {} }));
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = other.address() as AddressInfo;
      const client = createApiClient({
        apiBase: `http://127.0.0.1:${port}`,
        getToken: async () => "t",
      });
      await expect(client.getConfig()).rejects.toMatchObject({ code: "UPSTREAM_ERROR" });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
