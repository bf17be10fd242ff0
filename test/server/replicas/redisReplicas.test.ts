import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIB } from "../../../contract/index.ts";
import { signCustomerToken } from "../../../server/protection/identity.ts";
import { pngBytes } from "../../support/files.ts";
import { getTicket, postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { killProxyProcesses, type ProxyProcess } from "../../support/proxy/spawnProxy.ts";
import {
  PROCESS_IDENTITY_SECRET,
  startProxyProcess,
} from "../../support/proxy/startProxyProcess.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { startRawUpload } from "../support/rawUpload.ts";
import { replicaStagePerFile } from "../support/replicaStage.ts";

// Two proxy processes (replicas A and B) on one redis-server, in front of one sandbox that
// sends its webhooks to A only, as a load balancer would leave it.
const stage = replicaStagePerFile();
const LIMIT = 20;
let a: ProxyProcess;
let b: ProxyProcess;
let db = 0;

/** Both replicas on the test's own Redis database; webhooks go to A. */
async function startBoth(): Promise<void> {
  const storeUrl = `${stage.redis.url}/${db}`;
  const env = { RATE_LIMIT_TICKETS_PER_HOUR: String(LIMIT) };
  [a, b] = await Promise.all([
    startProxyProcess({ ripioUrl: stage.ripio.url, storeUrl, env }),
    startProxyProcess({ ripioUrl: stage.ripio.url, storeUrl, env }),
  ]);
  stage.ripio.control.reset();
  stage.ripio.control.registerWebhook(`${a.url}/webhooks/ripio`);
}
beforeEach(async () => {
  db += 1;
  await startBoth();
}, 120_000);
afterEach(() => killProxyProcesses());

const tickets = () => stage.ripio.control.snapshot().tickets;

// Child processes start slowly on a busy machine: room beyond the project's 30 s.
describe("two replicas on one Redis", { timeout: 120_000 }, () => {
  it("when a ticket is made on A, then its owner reads it on B, and no one else can", async () => {
    const sent = await postTicket(a.url, stage.alice);
    expect(sent.status).toBe(202);
    const ticketId = String(sent.body.ticketId);
    expect(await getTicket(b.url, stage.alice, ticketId)).toMatchObject({
      status: 200,
      body: { ticketId, status: "PENDING" },
    });
    const bob = await signCustomerToken("cus_demo_bob", PROCESS_IDENTITY_SECRET, 600);
    expectApiError(await getTicket(b.url, bob, ticketId), "TICKET_NOT_FOUND");
  });

  it("when Ripio's webhook reaches A, then a long poll held by B answers CREATED before its wait ends", async () => {
    const ticketId = String((await postTicket(a.url, stage.alice)).body.ticketId);
    // 4 s is less than B's 5 s recheck of Ripio: only the store's wake-up can bring CREATED.
    const poll = getTicket(b.url, stage.alice, ticketId, 4);
    await new Promise((resolve) => setTimeout(resolve, 500));
    stage.ripio.control.completeTicket(ticketId, "CREATED");
    const answer = await poll;
    expect(answer.body).toMatchObject({ ticketId, status: "CREATED" });
    expect(answer.body.issueKey).toMatch(/^SUP-\d+$/);
  });

  it("when one Idempotency-Key is sent to both at once, then Ripio gets one ticket and both get it", async () => {
    const parts = ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(4 * MIB) }] });
    const key = { "idempotency-key": "both-replicas" };
    const [fromA, fromB] = await Promise.all([
      postTicket(a.url, stage.alice, parts, key),
      postTicket(b.url, stage.alice, parts, key),
    ]);
    expect([fromA.status, fromB.status]).toEqual([202, 202]);
    expect(fromA.body.ticketId).toBe(fromB.body.ticketId);
    expect(tickets()).toHaveLength(1);
  });

  it("when a customer sends past the limit through both replicas at once, then the limit holds across them", async () => {
    const bob = await signCustomerToken("cus_demo_bob", PROCESS_IDENTITY_SECRET, 600);
    const parts = ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(MIB / 4) }] });
    const answers = await Promise.all(
      Array.from({ length: 2 * LIMIT }, (_, i) => postTicket(i % 2 ? a.url : b.url, bob, parts)),
    );
    expect(answers.filter((r) => r.status === 202)).toHaveLength(LIMIT);
    for (const refused of answers.filter((r) => r.status !== 202)) {
      expectApiError(refused, "RATE_LIMITED");
    }
    expect(tickets()).toHaveLength(LIMIT);
  });

  it("when both replicas are restarted, then tickets and keys are still there", async () => {
    const key = { "idempotency-key": "survives-restarts" };
    const ticketId = String((await postTicket(a.url, stage.alice, undefined, key)).body.ticketId);
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
    await startBoth();
    expect(await getTicket(b.url, stage.alice, ticketId)).toMatchObject({ status: 200 });
    expect(await postTicket(a.url, stage.alice, undefined, key)).toMatchObject({
      status: 202,
      body: { ticketId },
    });
    expect(tickets()).toHaveLength(0); // reset by startBoth: nothing new was created
  });

  it("when A is killed (-9) in the middle of an upload, then no ticket is made and B serves on", async () => {
    const before = String((await postTicket(b.url, stage.alice)).body.ticketId);
    const files = [{ name: "big.png", bytes: pngBytes(8 * MIB) }];
    const upload = startRawUpload(a.url, stage.alice, ticketParts({ files }));
    upload.req.write(upload.body.subarray(0, 3 * MIB));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await a.kill();
    await upload.closed;
    expect(tickets()).toHaveLength(1);
    expect((await getTicket(b.url, stage.alice, before)).status).toBe(200);
    expect((await postTicket(b.url, stage.alice)).status).toBe(202);
    expect(tickets()).toHaveLength(2);
  });
});
