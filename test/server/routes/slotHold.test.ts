import { mkdtemp, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIB } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { startRawUpload } from "../support/rawUpload.ts";
import { storesPerFile } from "../support/storesPerFile.ts";

// Issue 20, item 3: a ticket slot's hold is renewed while its upload brings bytes, so a slow
// upload never loses it to the 15-minute lapse meant for a dead process. The proxy's clock is
// moved by hand; the bytes really flow over HTTP.
const { stores: STORES, dir } = storesPerFile("slot-hold-");

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The size of the one spool file in `spool` (0 while there is none). */
async function spooledBytes(spool: string): Promise<number> {
  const [name] = await readdir(spool);
  return name === undefined ? 0 : (await stat(join(spool, name)).catch(() => ({ size: 0 }))).size;
}

describe.each(Object.entries(STORES))(
  "a slow upload's ticket slot on the %s store",
  (_name, storeUrl) => {
    it("when an upload takes 20 minutes, then it keeps its slot: no second ticket is granted after 15 minutes", async () => {
      let aheadMs = 0;
      const spool = await mkdtemp(join(dir(), "spool-"));
      server = await startTestServer({
        env: { STORE_URL: storeUrl(), RATE_LIMIT_TICKETS_PER_HOUR: "1" },
        tmpDir: spool,
        now: () => Date.now() + aheadMs,
      });
      const token = await server.tokenFor("cus_demo_alice");
      const files = [{ name: "screen.png", bytes: pngBytes(2 * MIB) }];
      const slow = startRawUpload(server.url, token, ticketParts({ files }));
      let sent = 64 * 1024;
      slow.req.write(slow.body.subarray(0, sent));
      await expect.poll(() => spooledBytes(spool)).toBeGreaterThan(0);
      for (let minute = 1; minute <= 20; minute += 1) {
        aheadMs += 60_000;
        const before = await spooledBytes(spool);
        slow.req.write(slow.body.subarray(sent, sent + 16 * 1024));
        sent += 16 * 1024;
        await expect.poll(() => spooledBytes(spool)).toBeGreaterThan(before);
      }

      expectApiError(await postTicket(server.url, token), "RATE_LIMITED");
      slow.req.end(slow.body.subarray(sent));
      expect((await slow.response).status).toBe(202);
      expectApiError(await postTicket(server.url, token), "RATE_LIMITED");
      expect(server.sandbox.control.snapshot().tickets).toHaveLength(1);
    });
  },
);
