import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../../../server/sandbox/createSandbox.ts";
import { fileBytes } from "../../../support/sandboxFiles.ts";
import {
  callControl,
  createTicket,
  getToken,
  requestToken,
  retrieveTicket,
  ticketForm,
} from "../../../support/sandboxHttp.ts";

let sandbox: Sandbox;
let url: string;

beforeEach(async () => {
  sandbox = createSandbox({ processingDelayMs: 60_000 });
  url = await sandbox.listen();
});
afterEach(() => sandbox.close());

describe("sandbox faults on the token endpoint", () => {
  it("when a 503 fault is queued, then the next token request gets 503 in Ripio's shape and the one after works", async () => {
    sandbox.control.addFault({ target: "token", mode: "status", status: 503 });
    const failed = await requestToken(url);
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({
      code: 50300,
      type: "ServiceUnavailable",
      detail: { message: expect.any(String) },
      status: 503,
    });
    expect(failed.headers.get("retry-after")).toBeNull();
    expect((await requestToken(url)).status).toBe(200);
    const state = sandbox.control.snapshot();
    expect(state.tokenRequests).toBe(2);
    expect(state.faults).toEqual([]);
    expect(state.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it("when a fault has count 2, then exactly two requests fail", async () => {
    sandbox.control.addFault({ target: "token", mode: "status", status: 500, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await requestToken(url)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it("when a 429 fault is queued without retryAfterSeconds, then it answers Retry-After: 1", async () => {
    sandbox.control.addFault({ target: "token", mode: "status", status: 429 });
    const { status, headers, body } = await requestToken(url);
    expect(status).toBe(429);
    expect(headers.get("retry-after")).toBe("1");
    expect(body).toMatchObject({ code: 42900, type: "Throttled", status: 429 });
  });

  it("when a hang fault is queued, then the client gets no answer and close() still ends promptly", async () => {
    sandbox.control.addFault({ target: "token", mode: "hang" });
    const started = Date.now();
    await expect(
      fetch(`${url}/oauth2/token/`, { method: "POST", signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(sandbox.control.snapshot().requests).toEqual([
      { method: "POST", path: "/oauth2/token/", status: "hang" },
    ]);
    expect(sandbox.control.snapshot().tokenRequests).toBe(1);
  });

  it("when a hung request is still open, then close() destroys it", async () => {
    sandbox.control.addFault({ target: "token", mode: "hang" });
    const pending = fetch(`${url}/oauth2/token/`, { method: "POST" });
    await expect.poll(() => sandbox.control.snapshot().requests.length).toBe(1);
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(pending).rejects.toThrow();
  });

  it("when a drop fault is queued, then the connection is closed without an answer", async () => {
    sandbox.control.addFault({ target: "token", mode: "drop" });
    await expect(requestToken(url)).rejects.toThrow();
    expect(sandbox.control.snapshot().requests).toEqual([
      { method: "POST", path: "/oauth2/token/", status: "drop" },
    ]);
    expect((await requestToken(url)).status).toBe(200);
  });
});

describe("sandbox faults on the ticket endpoints", () => {
  it("when a 500 fault is queued, then Create fails, nothing is stored, and Retrieve is covered too", async () => {
    const token = await getToken(url);
    sandbox.control.addFault({ target: "tickets", mode: "status", status: 500, count: 2 });
    const created = await createTicket(url, token);
    expect(created).toMatchObject({ status: 500, body: { code: 50000, status: 500 } });
    expect(sandbox.control.snapshot().tickets).toEqual([]);
    expect((await retrieveTicket(url, token, "any")).status).toBe(500);
    expect((await createTicket(url, token)).status).toBe(202);
  });

  it("when a ticket fault is queued, then the token endpoint is not affected (and vice versa)", async () => {
    sandbox.control.addFault({ target: "tickets", mode: "drop" });
    const token = await getToken(url);
    sandbox.control.addFault({ target: "token", mode: "status", status: 502 });
    expect(sandbox.control.snapshot().faults.map((f) => f.target)).toEqual(["tickets", "token"]);
    await expect(createTicket(url, token)).rejects.toThrow();
    expect((await requestToken(url)).status).toBe(502);
  });

  it("when a 429 fault with retryAfterSeconds 7 is queued, then Create answers 429 with Retry-After: 7", async () => {
    const token = await getToken(url);
    sandbox.control.addFault({
      target: "tickets",
      mode: "status",
      status: 429,
      retryAfterSeconds: 7,
    });
    const { status, headers } = await createTicket(url, token);
    expect(status).toBe(429);
    expect(headers.get("retry-after")).toBe("7");
  });

  it("when a status fault meets a large upload, then the answer is still readable", async () => {
    const token = await getToken(url);
    sandbox.control.addFault({ target: "tickets", mode: "status", status: 503 });
    const files = [{ name: "big.mp4", bytes: fileBytes("mp4", 10 * 1024 * 1024) }];
    const { status } = await createTicket(url, token, ticketForm({ files }));
    expect(status).toBe(503);
  });

  it("when a hang fault meets an upload, then the client times out and nothing is stored", async () => {
    const token = await getToken(url);
    sandbox.control.addFault({ target: "tickets", mode: "hang" });
    await expect(
      fetch(`${url}/api/v1/supportTickets/`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: ticketForm(),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(sandbox.control.snapshot().tickets).toEqual([]);
    expect(sandbox.control.snapshot().requests.at(-1)?.status).toBe("hang");
  });

  it("when a fault is queued, then the control routes are not subject to it", async () => {
    sandbox.control.addFault({ target: "tickets", mode: "drop" });
    sandbox.control.addFault({ target: "token", mode: "drop" });
    const { status } = await callControl(url, "GET", "/state");
    expect(status).toBe(200);
    expect(sandbox.control.snapshot().faults).toHaveLength(2);
  });

  it("when a status fault lacks its status, then addFault throws a clear error", () => {
    expect(() => sandbox.control.addFault({ target: "token", mode: "status" })).toThrow(
      /status .*required/,
    );
  });
});

describe("sandbox latency", () => {
  it("when latency is set, then token and ticket answers are delayed but control routes are not", async () => {
    const token = await getToken(url);
    sandbox.control.setScenario({ latencyMs: 250 });
    let started = Date.now();
    expect((await requestToken(url)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    started = Date.now();
    expect((await retrieveTicket(url, token, "x")).status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);

    sandbox.control.setScenario({ latencyMs: 5_000 });
    started = Date.now();
    expect((await callControl(url, "GET", "/state")).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("when the sandbox is reset, then requests still waiting out the old latency are answered at once", async () => {
    sandbox.control.setScenario({ latencyMs: 60_000 });
    const started = Date.now();
    const waiting = requestToken(url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    sandbox.control.reset();
    expect((await waiting).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sandbox.control.snapshot().scenario.latencyMs).toBe(0);
  });
});
