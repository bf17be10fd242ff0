import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ERROR_CODES, MIB, TICKET_LIMITS, type ErrorCode } from "../../../contract/index.ts";
import { exeBytes, pngBytes } from "../../support/files.ts";
import {
  call,
  getTicket,
  multipart,
  postTicket,
  ticketParts,
  type ProxyAnswer,
} from "../../support/proxyHttp.ts";
import { startRedis } from "../../support/startRedis.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { forgeToken, nowSeconds, TEST_IDENTITY_SECRET } from "../support/customerTokens.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { openRawRequest } from "../support/rawHttp.ts";

let server: TestServer;
let alice: string;
beforeAll(async () => {
  server = await startTestServer({ env: { HELP_IDENTITY_SECRET: TEST_IDENTITY_SECRET } });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.sandbox.control.reset();
  alice = await server.tokenFor("cus_demo_alice");
});

const post = (parts = ticketParts(), token: string | null = alice, headers = {}) =>
  postTicket(server.url, token, parts, headers);

/** How to make the proxy answer each code, through its real HTTP API. */
const scenarios: Record<ErrorCode, () => Promise<ProxyAnswer>> = {
  SUMMARY_REQUIRED: () => post(ticketParts({ summary: " \n\t " })),
  DESCRIPTION_REQUIRED: () => post(ticketParts({ description: null })),
  SUMMARY_TOO_LONG: () =>
    post(ticketParts({ summary: "😀".repeat(TICKET_LIMITS.summaryMaxChars + 1) })),
  DESCRIPTION_TOO_LONG: () =>
    post(ticketParts({ description: "a".repeat(TICKET_LIMITS.descriptionMaxChars + 1) })),
  TOO_MANY_FILES: () =>
    post(
      ticketParts({
        files: Array.from({ length: 6 }, (_, i) => ({ name: `s${i}.png`, bytes: pngBytes(100) })),
      }),
    ),
  FILE_TYPE_NOT_ALLOWED: () =>
    post(ticketParts({ files: [{ name: "notes.txt", bytes: Buffer.from("hi") }] })),
  FILE_CONTENT_MISMATCH: () =>
    post(ticketParts({ files: [{ name: "setup.png", bytes: exeBytes(4096), type: "image/png" }] })),
  FILE_TOO_LARGE: () =>
    post(
      ticketParts({
        files: [{ name: "big.png", bytes: pngBytes(TICKET_LIMITS.maxFileBytes + 1) }],
      }),
    ),
  ATTACHMENTS_TOO_LARGE: () =>
    post(
      ticketParts({
        files: [1, 2, 3].map((i) => ({ name: `p${i}.png`, bytes: pngBytes(20 * MIB) })),
      }),
    ),
  MALFORMED_REQUEST: () =>
    call(server.url, "POST", "/api/tickets", {
      headers: { "x-customer-token": alice },
      json: { summary: "hi" },
    }),
  IDENTITY_REQUIRED: () => post(ticketParts(), null),
  IDENTITY_INVALID: () => post(ticketParts(), "not.a.token"),
  IDENTITY_EXPIRED: async () =>
    post(
      ticketParts(),
      await forgeToken(TEST_IDENTITY_SECRET, { sub: "cus_demo_alice", exp: nowSeconds() - 120 }),
    ),
  ORIGIN_NOT_ALLOWED: () => post(ticketParts(), alice, { origin: "https://evil.example" }),
  TICKETS_DISABLED: () => {
    server.sandbox.control.setScenario({ ticketsEnabled: false });
    return post();
  },
  CUSTOMER_NOT_FOUND: async () => post(ticketParts(), await server.tokenFor("cus_nobody")),
  CUSTOMER_EMAIL_MISSING: async () => post(ticketParts(), await server.tokenFor("cus_no_email")),
  TICKET_NOT_FOUND: () => getTicket(server.url, alice, "00000000-0000-4000-8000-000000000000"),
  RATE_LIMITED: async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_REQUESTS_PER_MINUTE: "1" } });
    try {
      const token = await limited.tokenFor("cus_demo_alice");
      await call(limited.url, "GET", "/api/config", { headers: { "x-customer-token": token } });
      return await call(limited.url, "GET", "/api/config", {
        headers: { "x-customer-token": token },
      });
    } finally {
      await limited.close();
    }
  },
  REQUEST_TIMEOUT: async () => {
    // A body that stops coming, on a proxy whose body window is short enough for a test.
    const patient = await startTestServer({ bodyWindowMs: 600 });
    try {
      const { contentType, body } = multipart(ticketParts());
      const raw = openRawRequest(patient.url, "POST", "/api/tickets", {
        "Content-Type": contentType,
        "Content-Length": String(body.length),
        "X-Customer-Token": await patient.tokenFor("cus_demo_alice"),
      });
      await raw.write(body.subarray(0, 100));
      return await raw.answer;
    } finally {
      await patient.close();
    }
  },
  UPSTREAM_UNAVAILABLE: () => {
    server.sandbox.control.addFault({ target: "tickets", mode: "status", status: 503 });
    return post();
  },
  UPSTREAM_ERROR: () => {
    // A 400 the proxy cannot explain: a rule it should have enforced, i.e. a defect.
    server.sandbox.control.addFault({ target: "tickets", mode: "status", status: 400 });
    return post();
  },
  INTERNAL_ERROR: async () => {
    // Not the client's fault nor Ripio's: the upload spool folder was replaced by a file
    // after start (a careless temp cleaner), so spooling the attachment fails.
    const spoolDir = join(await mkdtemp(join(tmpdir(), "ripio-errors-")), "spool");
    const broken = await startTestServer({ tmpDir: spoolDir });
    try {
      await rm(spoolDir, { recursive: true });
      await writeFile(spoolDir, "not a folder");
      return await postTicket(
        broken.url,
        await broken.tokenFor("cus_demo_alice"),
        ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(2048) }] }),
      );
    } finally {
      await broken.close();
      await rm(dirname(spoolDir), { recursive: true, force: true });
    }
  },
  STORE_UNAVAILABLE: async () => {
    // A proxy on a Redis that then goes away: its simulator must receive nothing either.
    const redis = await startRedis();
    const shared = await startTestServer({ env: { STORE_URL: redis.url } });
    try {
      const token = await shared.tokenFor("cus_demo_alice");
      await redis.kill();
      const answer = await postTicket(shared.url, token);
      expect(shared.sandbox.control.snapshot().tickets).toEqual([]);
      return answer;
    } finally {
      await shared.close();
      await redis.close();
    }
  },
};

describe("every error code of contract/errorCodes.ts", () => {
  it("when the codes are listed, then each has a scenario here", () => {
    expect(Object.keys(scenarios).sort()).toEqual([...ERROR_CODES].sort());
  });

  for (const code of ERROR_CODES) {
    it(`when a request provokes ${code}, then the answer has its status and body, and no ticket is made`, async () => {
      const answer = await scenarios[code]();
      expectApiError(answer, code);
      expect(server.sandbox.control.snapshot().tickets).toEqual([]);
    });
  }
});
