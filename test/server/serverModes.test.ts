import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { signCustomerToken } from "../../server/protection/identity.ts";
import { createSandbox, type Sandbox } from "../../server/sandbox/createSandbox.ts";
import { BROWSER_FILES_LIST } from "../../server/routes/staticFiles.ts";
import { startServer, type RunningServer } from "../../server/startServer.ts";
import { call, getTicket, postTicket } from "../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../support/startTestServer.ts";
import { TEST_IDENTITY_SECRET } from "./support/customerTokens.ts";
import { expectApiError } from "./support/expectApiError.ts";
import { realModeEnv } from "./support/realModeEnv.ts";

describe("real mode (RIPIO_BASE_URL set), against a standalone sandbox as Ripio", () => {
  let ripio: Sandbox;
  let proxy: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "proxy-real-"));
    ripio = createSandbox({ processingDelayMs: 100 });
    await ripio.listen();
    const config = loadConfig({
      ...realModeEnv(ripio, dataDir),
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
    });
    proxy = await startServer(config);
    // In real mode the webhook URL is configured at Ripio by the operator; here, by hand.
    ripio.control.registerWebhook(`${proxy.url}/webhooks/ripio`);
  });
  afterAll(async () => {
    await proxy.close();
    await ripio.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("when the sandbox-only routes are asked for, then 404", async () => {
    expect(proxy.sandbox).toBeNull();
    expect(
      (await call(proxy.url, "POST", "/demo/identity", { json: { customerId: "cus_demo_alice" } }))
        .status,
    ).toBe(404);
    expect((await call(proxy.url, "GET", "/embed.html")).status).toBe(404);
    expect((await call(proxy.url, "GET", "/__sandbox/state")).status).toBe(404);
  });

  it("when a host-signed token sends a ticket, then Ripio gets it and the webhook makes it CREATED", async () => {
    const token = await signCustomerToken("cus_demo_alice", TEST_IDENTITY_SECRET, 600);
    const sent = await postTicket(proxy.url, token, undefined, {
      origin: "https://shop.example.com",
    });
    expect(sent.status).toBe(202);
    const done = await getTicket(proxy.url, token, String(sent.body.ticketId), 20);
    expect(done.body).toMatchObject({ status: "CREATED" });
    expect(ripio.control.snapshot().tickets.map((t) => t.customerId)).toEqual(["cus_demo_alice"]);
  });
});

describe("sandbox mode's address", () => {
  it("when HOST is not set, then the proxy answers on loopback and not on the machine's other addresses", async () => {
    const proxy = await startServer(loadConfig({ PORT: "0", LOG_LEVEL: "silent" }), {
      shutdownGraceMs: 2_000,
    });
    try {
      const { port, hostname } = new URL(proxy.url);
      expect(hostname).toBe("127.0.0.1");
      expect((await call(proxy.url, "GET", "/healthz")).status).toBe(200);
      const outside = Object.values(networkInterfaces())
        .flat()
        .find((net) => net?.family === "IPv4" && !net.internal);
      if (outside) {
        await expect(request(`http://${outside.address}:${port}/healthz`)).rejects.toThrow(
          /ECONNREFUSED/,
        );
      }
    } finally {
      await proxy.close();
    }
  });
});

describe("sandbox mode extras", () => {
  let server: TestServer;
  afterEach(() => server.close());

  it("when /demo/identity is asked for a customer, then its token works on /api and bad bodies get 400", async () => {
    server = await startTestServer();
    const issued = await call(server.url, "POST", "/demo/identity", {
      json: { customerId: "cus_demo_bob", ttlSeconds: 60 },
    });
    expect(issued.status).toBe(200);
    const token = String(issued.body.token);
    expect((await postTicket(server.url, token)).status).toBe(202);
    expect(server.sandbox.control.snapshot().tickets[0]?.customerId).toBe("cus_demo_bob");
    const bad = await call(server.url, "POST", "/demo/identity", {
      json: { customerId: "x", ttlSeconds: 90_000 },
    });
    expect(bad.status).toBe(400);
  });

  it("when the Host is not loopback (DNS rebinding), then /demo/identity is refused 403 and /embed.html carries no token", async () => {
    server = await startTestServer();
    const port = new URL(server.url).port;
    const json = { customerId: "cus_demo_alice" };
    for (const host of [
      "rebind.evil.example",
      `rebind.evil.example:${port}`,
      "localhost.evil",
      "10.0.0.7",
    ]) {
      const refused = await call(server.url, "POST", "/demo/identity", { json, headers: { host } });
      expectApiError(refused, "ORIGIN_NOT_ALLOWED");
      const page = await call(server.url, "GET", "/embed.html", { headers: { host } });
      expect(page.status).toBe(403);
      expect(String(page.body)).not.toContain("data-customer-token");
    }
    for (const host of [
      "localhost",
      `LOCALHOST:${port}`,
      "127.0.0.1",
      `127.8.9.10:${port}`,
      `[::1]:${port}`,
    ]) {
      const issued = await call(server.url, "POST", "/demo/identity", { json, headers: { host } });
      expect(issued.status, host).toBe(200);
      const page = await call(server.url, "GET", "/embed.html", { headers: { host } });
      expect(page.status, host).toBe(200);
      expect(String(page.body)).toContain("data-customer-token");
    }
  });

  it("when the demo resets the sandbox through /__sandbox/reset, then webhooks still reach the proxy", async () => {
    server = await startTestServer();
    expect((await call(server.url, "POST", "/__sandbox/reset", { json: {} })).status).toBeLessThan(
      300,
    );
    expect(server.sandbox.control.snapshot().webhookUrls).toEqual([`${server.url}/webhooks/ripio`]);
  });

  it("when /readyz is asked, then 200 while a token can be had", async () => {
    server = await startTestServer();
    expect(await call(server.url, "GET", "/readyz")).toMatchObject({
      status: 200,
      body: { ok: true },
    });
  });
});

describe("static files", () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "proxy-static-"));
    await mkdir(join(dir, "assets"));
    await writeFile(
      join(dir, "index.html"),
      `<!doctype html><title>demo</title>${"<p>gallery</p>".repeat(200)}`,
    );
    await writeFile(join(dir, "help-widget.js"), `console.log("loader");${" ".repeat(4000)}`);
    await writeFile(
      join(dir, "assets", "help-widget-app-Ab12Cd34.js"),
      `export const app = 1;${"//x\n".repeat(2000)}`,
    );
    const files = ["index.html", "help-widget.js", "assets/help-widget-app-Ab12Cd34.js"];
    await writeFile(join(dir, BROWSER_FILES_LIST), JSON.stringify({ files }));
    server = await startTestServer({ staticDir: dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const res = await request(`${server.url}${path}`, { headers: { "accept-encoding": "gzip" } });
    await res.body.dump();
    return { status: res.statusCode, headers: res.headers };
  };

  it("when a hashed chunk is fetched, then it is compressed, cross-origin usable and cached as immutable", async () => {
    const chunk = await get("/assets/help-widget-app-Ab12Cd34.js");
    expect(chunk).toMatchObject({
      status: 200,
      headers: {
        "content-encoding": "gzip",
        "cross-origin-resource-policy": "cross-origin",
        "access-control-allow-origin": "*",
        "cache-control": "public, max-age=31536000, immutable",
      },
    });
  });

  it("when the loader or the demo page is fetched, then it is revalidated every time (no-cache)", async () => {
    expect((await get("/help-widget.js")).headers["cache-control"]).toBe("no-cache");
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-cache");
  });

  it("when a file is missing, then a plain 404", async () => {
    expect((await get("/assets/nope.js")).status).toBe(404);
  });
});
