import { describe, expect, it } from "vitest";
import { MIB } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { startRawUpload } from "../support/rawUpload.ts";
import { testServerPerFile } from "../support/testServerPerFile.ts";

const server = testServerPerFile();

const tickets = () => server.sandbox.control.snapshot().tickets;
const withKey = (key: string) => ({ "idempotency-key": key });

describe("Idempotency-Key", () => {
  it("when a ticket is sent again with the same key, then the first ticket is answered and nothing is created", async () => {
    const first = await postTicket(server.url, server.alice, ticketParts(), withKey("key-repeat"));
    const again = await postTicket(
      server.url,
      server.alice,
      ticketParts({ summary: "Different body" }),
      withKey("key-repeat"),
    );
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.ticketId).toBe(first.body.ticketId);
    expect(tickets()).toHaveLength(1);
  });

  it("when two requests with one key race, then both get the same ticket and Ripio sees one", async () => {
    const files = [{ name: "shot.png", bytes: pngBytes(8 * MIB) }];
    const [a, b] = await Promise.all([
      postTicket(server.url, server.alice, ticketParts({ files }), withKey("key-race")),
      postTicket(server.url, server.alice, ticketParts({ files }), withKey("key-race")),
    ]);
    expect([a?.status, b?.status]).toEqual([202, 202]);
    expect(a?.body.ticketId).toBe(b?.body.ticketId);
    expect(tickets()).toHaveLength(1);
  });

  it("when the first attempt fails, then the key is released and a retry creates the ticket", async () => {
    server.sandbox.control.addFault({ target: "tickets", mode: "status", status: 503 });
    expectApiError(
      await postTicket(server.url, server.alice, ticketParts(), withKey("key-retry")),
      "UPSTREAM_UNAVAILABLE",
    );
    const retry = await postTicket(server.url, server.alice, ticketParts(), withKey("key-retry"));
    expect(retry.status).toBe(202);
    expect(tickets()).toHaveLength(1);
  });

  it("when a duplicate races a first attempt that fails, then the duplicate gets the same error", async () => {
    server.sandbox.control.setScenario({ latencyMs: 300 });
    server.sandbox.control.addFault({ target: "tickets", mode: "status", status: 503 });
    const [a, b] = await Promise.all([
      postTicket(server.url, server.alice, ticketParts(), withKey("key-shared-error")),
      postTicket(server.url, server.alice, ticketParts(), withKey("key-shared-error")),
    ]);
    expectApiError(a!, "UPSTREAM_UNAVAILABLE");
    expectApiError(b!, "UPSTREAM_UNAVAILABLE");
    expect(tickets()).toEqual([]);
  });

  it("when the first attempt's client leaves mid-upload, then a waiting duplicate uploads its own body", async () => {
    const files = [{ name: "shot.png", bytes: pngBytes(4 * MIB) }];
    const first = startRawUpload(
      server.url,
      server.alice,
      ticketParts({ files }),
      withKey("key-abandoned"),
    );
    first.req.write(first.body.subarray(0, MIB));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the first holds the key now
    const duplicate = postTicket(
      server.url,
      server.alice,
      ticketParts({ files }),
      withKey("key-abandoned"),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.req.destroy();
    expect((await duplicate).status).toBe(202);
    expect(tickets()).toHaveLength(1);
  });

  it("when another customer uses the same key, then it is a different ticket (keys are per customer)", async () => {
    const bob = await server.tokenFor("cus_demo_bob");
    const a = await postTicket(server.url, server.alice, ticketParts(), withKey("shared-key"));
    const b = await postTicket(server.url, bob, ticketParts(), withKey("shared-key"));
    expect(a.body.ticketId).not.toBe(b.body.ticketId);
    expect(tickets().map((t) => t.customerId)).toEqual(["cus_demo_alice", "cus_demo_bob"]);
  });

  it("when the key is not a sane header value, then MALFORMED_REQUEST", async () => {
    expectApiError(
      await postTicket(server.url, server.alice, ticketParts(), withKey("x".repeat(201))),
      "MALFORMED_REQUEST",
    );
  });
});
