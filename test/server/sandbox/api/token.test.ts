import { afterEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../../../server/sandbox/createSandbox.ts";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../../../../server/sandbox/seeds.ts";
import {
  basicAuth,
  createTicket,
  getToken,
  requestToken,
  retrieveTicket,
} from "../../../support/sandboxHttp.ts";

let sandbox: Sandbox;
let url: string;
let clock = 1_000_000;

async function start(options: Parameters<typeof createSandbox>[0] = {}): Promise<void> {
  sandbox = createSandbox({ processingDelayMs: 10_000, now: () => clock, ...options });
  url = await sandbox.listen();
}

afterEach(() => sandbox.close());

describe("sandbox OAuth token endpoint", () => {
  it("when the seeded client asks with Basic auth and client_credentials, then it answers a camelCase Bearer token", async () => {
    await start();
    const { status, body, headers } = await requestToken(url);
    expect(status).toBe(200);
    expect(body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 36000,
      tokenType: "Bearer",
      scope: "read write",
    });
    expect(headers.get("cache-control")).toBe("no-store");
    expect(sandbox.control.snapshot().tokenRequests).toBe(1);
  });

  it("when each request asks, then each gets a distinct token and every request is counted", async () => {
    await start();
    const tokens = await Promise.all([getToken(url), getToken(url), getToken(url)]);
    expect(new Set(tokens).size).toBe(3);
    expect(sandbox.control.snapshot().tokenRequests).toBe(3);
  });

  it("when tokenLifetimeSeconds is set, then expiresIn follows it (option and scenario)", async () => {
    await start({ tokenLifetimeSeconds: 120 });
    expect((await requestToken(url)).body.expiresIn).toBe(120);
    sandbox.control.setScenario({ tokenLifetimeSeconds: 60 });
    expect((await requestToken(url)).body.expiresIn).toBe(60);
  });

  it.each([
    ["a wrong secret", basicAuth(SANDBOX_CLIENT_ID, "nope")],
    ["a wrong client id", basicAuth("someone", SANDBOX_CLIENT_SECRET)],
    ["no Authorization header", null],
    ["a Bearer header instead of Basic", "Bearer abc"],
    ["garbage Basic credentials", "Basic !!!"],
  ])("when the client sends %s, then it answers 401 invalid_client", async (_, authorization) => {
    await start();
    const { status, body, headers } = await requestToken(url, { authorization });
    expect(status).toBe(401);
    expect(body).toEqual({ error: "invalid_client" });
    expect(headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(sandbox.control.snapshot().requests).toEqual([
      { method: "POST", path: "/oauth2/token/", status: 401 },
    ]);
  });

  it("when the credentials come in the form body instead of Basic auth, then it answers 401", async () => {
    await start();
    const body = `grant_type=client_credentials&client_id=${SANDBOX_CLIENT_ID}&client_secret=${SANDBOX_CLIENT_SECRET}`;
    const answer = await requestToken(url, { authorization: null, body });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: "invalid_client" });
  });

  it("when the grant is not client_credentials, then it answers 400 unsupported_grant_type", async () => {
    await start();
    const { status, body } = await requestToken(url, { body: "grant_type=password" });
    expect(status).toBe(400);
    expect(body).toEqual({ error: "unsupported_grant_type" });
  });

  it("when grant_type is missing or the body is JSON, then it answers 400 invalid_request", async () => {
    await start();
    const missing = await requestToken(url, { body: "scope=read" });
    expect(missing).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    const json = await requestToken(url, {
      body: JSON.stringify({ grant_type: "client_credentials" }),
      contentType: "application/json",
    });
    expect(json).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("when a GET reaches the token path, then it answers 405 with Allow: POST", async () => {
    await start();
    const res = await fetch(`${url}/oauth2/token/`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("when the path lacks Ripio's trailing slash, then it answers 404 in Ripio's error shape", async () => {
    await start();
    const res = await fetch(`${url}/oauth2/token`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      status: 404,
      detail: { message: expect.any(String) },
    });
  });
});

describe("sandbox bearer tokens", () => {
  it("when a token is used one ms before its lifetime ends, then it works; at the end, then 401 40001", async () => {
    await start({ tokenLifetimeSeconds: 100 });
    const token = await getToken(url);
    const { ticketId } = (await createTicket(url, token)).body as { ticketId: string };

    clock += 100_000 - 1;
    expect((await retrieveTicket(url, token, ticketId)).status).toBe(200);
    clock += 1;
    const { status, body, headers } = await retrieveTicket(url, token, ticketId);
    expect(status).toBe(401);
    expect(body).toEqual({
      code: 40001,
      type: "NotAuthenticated",
      detail: { message: expect.stringMatching(/expired/) },
      status: 401,
    });
    expect(headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("when expireTokens() is called, then every issued token answers 401 40001 and a new one works", async () => {
    await start();
    const token = await getToken(url);
    expect(sandbox.control.expireTokens()).toBe(1);
    const refused = await createTicket(url, token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 40001 });
    expect(sandbox.control.snapshot().tickets).toEqual([]);
    const accepted = await createTicket(url, await getToken(url));
    expect(accepted.status).toBe(202);
  });

  it.each([
    ["no Authorization header", null],
    ["a token the sandbox never issued", "made-up-token"],
  ])("when a ticket call carries %s, then it answers 401 40001", async (_, token) => {
    await start();
    const created = await createTicket(url, token);
    expect(created.status).toBe(401);
    expect(created.body).toMatchObject({ code: 40001, type: "NotAuthenticated", status: 401 });
    const retrieved = await retrieveTicket(url, token, "00000000-0000-4000-8000-000000000000");
    expect(retrieved.status).toBe(401);
    expect(retrieved.body).toMatchObject({ code: 40001 });
  });

  it("when the sandbox is reset, then tokens issued before are unknown", async () => {
    await start();
    const token = await getToken(url);
    sandbox.control.reset();
    expect((await createTicket(url, token)).status).toBe(401);
    expect(sandbox.control.snapshot().tokenRequests).toBe(0);
  });

  it("when the state is read, then it never contains a token or the client secret", async () => {
    await start();
    const token = await getToken(url);
    await createTicket(url, token);
    const text = JSON.stringify(sandbox.control.snapshot());
    expect(text).not.toContain(token);
    expect(text).not.toContain(SANDBOX_CLIENT_SECRET);
  });
});
