import { afterEach, describe, expect, it } from "vitest";
import { MIB } from "../../../contract/index.ts";
import { exeBytes, pngBytes } from "../../support/files.ts";
import { postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { startRawUpload } from "../support/rawUpload.ts";
import { storesPerFile } from "../support/storesPerFile.ts";

// Issue 10, item 3: the ticket limit is reserved before the upload is read and released when
// the send fails, on every store. Uploads big enough to overlap make the concurrency real.
const { stores: STORES } = storesPerFile("ticket-limit-");

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(store: string, limit: number): Promise<TestServer> {
  server = await startTestServer({
    env: { STORE_URL: store, RATE_LIMIT_TICKETS_PER_HOUR: String(limit) },
  });
  return server;
}

const valid = () => ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(MIB / 4) }] });
const broken = () =>
  ticketParts({ files: [{ name: "shot.png", bytes: exeBytes(MIB / 4), type: "image/png" }] });

describe.each(Object.entries(STORES))("the ticket limit on the %s store", (_name, storeUrl) => {
  it("when 40 tickets are sent at once with a limit of 20, then exactly 20 are made and 20 refused", async () => {
    const proxy = await start(storeUrl(), 20);
    const token = await proxy.tokenFor("cus_demo_alice");
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => postTicket(proxy.url, token, valid())),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    for (const refused of answers.filter((a) => a.status !== 202)) {
      expectApiError(refused, "RATE_LIMITED");
    }
    expect(proxy.sandbox.control.snapshot().tickets).toHaveLength(20);
  });

  it("when 5 of 20 concurrent sends break a rule, then they are not counted: 5 more valid ones are accepted, and only then the limit refuses", async () => {
    const proxy = await start(storeUrl(), 20);
    const token = await proxy.tokenFor("cus_demo_alice");
    const first = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postTicket(proxy.url, token, i % 4 ? valid() : broken()),
      ),
    );
    expect(first.filter((a) => a.status === 202)).toHaveLength(15);
    expect(first.filter((a) => a.status === 415)).toHaveLength(5);
    const more = await Promise.all(
      Array.from({ length: 5 }, () => postTicket(proxy.url, token, valid())),
    );
    expect(more.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expectApiError(await postTicket(proxy.url, token, valid()), "RATE_LIMITED");
    expect(proxy.sandbox.control.snapshot().tickets).toHaveLength(20);
  });

  it("when a send fails at Ripio or its client leaves mid-upload, then its slot is free again", async () => {
    const proxy = await start(storeUrl(), 2);
    const token = await proxy.tokenFor("cus_demo_alice");
    proxy.sandbox.control.addFault({ target: "tickets", mode: "status", status: 503 });
    expectApiError(await postTicket(proxy.url, token, valid()), "UPSTREAM_UNAVAILABLE");
    const files = [{ name: "big.png", bytes: pngBytes(4 * MIB) }];
    const leaver = startRawUpload(proxy.url, token, ticketParts({ files }));
    leaver.req.write(leaver.body.subarray(0, MIB));
    await new Promise((resolve) => setTimeout(resolve, 200));
    leaver.req.destroy();
    await leaver.closed;
    // The proxy notices the departure and releases the slot; then both slots are there.
    await expect
      .poll(async () => (await postTicket(proxy.url, token, valid())).status, { timeout: 10_000 })
      .toBe(202);
    expect((await postTicket(proxy.url, token, valid())).status).toBe(202);
    expectApiError(await postTicket(proxy.url, token, valid()), "RATE_LIMITED");
    expect(proxy.sandbox.control.snapshot().tickets).toHaveLength(2);
  });
});
