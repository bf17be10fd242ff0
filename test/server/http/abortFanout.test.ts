import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTicket, postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { startRawUpload, type RawUpload } from "../support/rawUpload.ts";

// Every upload watches the end of the shutdown grace, every long poll the start of shutdown:
// one process-wide signal each. They must not each add a listener to it.
let server: TestServer;
beforeAll(async () => {
  // Every upload is let in: the test is about listeners, not MAX_UPLOADS_IN_FLIGHT (64 by default).
  server = await startTestServer({
    env: { MAX_UPLOADS_IN_FLIGHT: "1000" },
    sandbox: { processingDelayMs: 60_000 },
  });
});
afterAll(() => server.close());

const AT_ONCE = 200;

describe("many requests waiting on the server's signals", { timeout: 60_000 }, () => {
  it("when 200 uploads and 200 long polls wait at once, then Node warns of no listener leak and all of them end", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const alice = await server.tokenFor("cus_demo_alice");
      const sent = await postTicket(server.url, alice);
      const ticketId = String(sent.body.ticketId);
      const uploads: RawUpload[] = [];
      for (let i = 0; i < AT_ONCE; i += 1) {
        const upload = startRawUpload(server.url, alice, ticketParts());
        upload.req.write(upload.body.subarray(0, 64)); // the parse starts, and waits for more
        uploads.push(upload);
      }
      const polls = Array.from({ length: AT_ONCE }, () =>
        getTicket(server.url, alice, ticketId, 3),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const upload of uploads) upload.req.end(upload.body.subarray(64));
      const answers = await Promise.all(uploads.map((upload) => upload.response));
      expect(answers.every((answer) => answer.status === 202)).toBe(true);
      expect((await Promise.all(polls)).map((poll) => poll.status)).toEqual(
        Array(AT_ONCE).fill(200),
      );
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
