import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.ts";
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_WEBHOOK_SECRET,
} from "../../server/sandbox/seeds.ts";

const REAL = {
  RIPIO_BASE_URL: "https://skala-sandbox.ripio.com/",
  RIPIO_CLIENT_ID: "client",
  RIPIO_CLIENT_SECRET: "secret",
  RIPIO_WEBHOOK_SECRET: "whsec-0123456789abcdef0123456789abcdef",
  HELP_IDENTITY_SECRET: "a-host-shared-secret-of-32-chars!",
  ALLOWED_ORIGINS: "https://shop.example.com, http://localhost:3000",
};

function problemKeys(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The message names every key too, one per line.
    for (const { key } of error.problems) expect(error.message).toContain(`${key}:`);
    return error.problems.map((p) => p.key).sort();
  }
}

describe("loadConfig", () => {
  it("when nothing is set, then sandbox mode with development values, port 8787, and a notice saying so", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: "sandbox",
      port: 8787,
      ripio: null,
      allowedOrigins: [],
      rateLimits: { ticketsPerHour: 20, requestsPerMinute: 300 },
      logLevel: "info",
    });
    expect(config.notices.join(" ")).toMatch(/development secrets/);
  });

  it("when RIPIO_BASE_URL alone is set, then real mode refuses to start naming every missing key", () => {
    expect(problemKeys({ RIPIO_BASE_URL: REAL.RIPIO_BASE_URL })).toEqual([
      "ALLOWED_ORIGINS",
      "HELP_IDENTITY_SECRET",
      "RIPIO_CLIENT_ID",
      "RIPIO_CLIENT_SECRET",
      "RIPIO_WEBHOOK_SECRET",
    ]);
  });

  it("when values are bad, then every bad key is named at once", () => {
    expect(
      problemKeys({
        ...REAL,
        PORT: "eighty",
        RIPIO_BASE_URL: "ftp://ripio",
        ALLOWED_ORIGINS: "https://ok.example, https://bad.example/path",
        HELP_IDENTITY_SECRET: "short",
        RATE_LIMIT_TICKETS_PER_HOUR: "0",
        RATE_LIMIT_REQUESTS_PER_MINUTE: "many",
        LOG_LEVEL: "loud",
      }),
    ).toEqual([
      "ALLOWED_ORIGINS",
      "HELP_IDENTITY_SECRET",
      "LOG_LEVEL",
      "PORT",
      "RATE_LIMIT_REQUESTS_PER_MINUTE",
      "RATE_LIMIT_TICKETS_PER_HOUR",
      "RIPIO_BASE_URL",
    ]);
  });

  it("when real mode is complete, then Ripio's settings, normalized origins and limits are typed", () => {
    const config = loadConfig({
      ...REAL,
      PORT: "9000",
      RATE_LIMIT_TICKETS_PER_HOUR: "5",
      TRUST_PROXY: "1",
    });
    expect(config).toMatchObject({
      mode: "real",
      port: 9000,
      ripio: {
        baseUrl: "https://skala-sandbox.ripio.com",
        clientId: "client",
        webhookSecret: "whsec-0123456789abcdef0123456789abcdef",
      },
      allowedOrigins: ["https://shop.example.com", "http://localhost:3000"],
      rateLimits: { ticketsPerHour: 5, requestsPerMinute: 300 },
      trustProxy: 1,
      notices: [],
    });
  });

  it("when an empty variable is set (PORT= in a .env file), then it counts as unset", () => {
    expect(loadConfig({ PORT: "", LOG_LEVEL: "" })).toMatchObject({ port: 8787, logLevel: "info" });
  });

  it("when sandbox mode has no HOST, then it binds loopback; a HOST is obeyed with a notice; real mode binds all", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    const exposed = loadConfig({ HOST: "0.0.0.0" });
    expect(exposed.host).toBe("0.0.0.0");
    expect(exposed.notices.join(" ")).toMatch(/HOST=0\.0\.0\.0 .*\/demo\/identity/);
    expect(loadConfig({ HOST: "127.0.0.1" }).notices.join(" ")).not.toMatch(/HOST=/);
    expect(loadConfig(REAL).host).toBeNull();
  });

  it("when the grace and the metrics token are set or not, then defaults hold and bad values are named", () => {
    expect(loadConfig({})).toMatchObject({ shutdownGraceSeconds: 25, metricsToken: null });
    expect(
      loadConfig({ SHUTDOWN_GRACE_SECONDS: "8", METRICS_TOKEN: "a-scraper-bearer-0123" }),
    ).toMatchObject({ shutdownGraceSeconds: 8, metricsToken: "a-scraper-bearer-0123" });
    expect(problemKeys({ SHUTDOWN_GRACE_SECONDS: "0", METRICS_TOKEN: "short" })).toEqual([
      "METRICS_TOKEN",
      "SHUTDOWN_GRACE_SECONDS",
    ]);
  });

  it("when STORE_URL is unset, then real mode keeps an SQLite file in ./data and sandbox mode keeps memory", () => {
    expect(loadConfig(REAL).store).toEqual({
      kind: "sqlite",
      path: resolve("data/help-proxy.sqlite"),
    });
    expect(loadConfig({}).store).toEqual({ kind: "memory" });
  });

  it("when STORE_URL names SQLite, Redis or memory, then the store setting says which and where", () => {
    const store = (value: string) => loadConfig({ ...REAL, STORE_URL: value }).store;
    expect(store("sqlite:/var/lib/help/store.sqlite")).toEqual({
      kind: "sqlite",
      path: "/var/lib/help/store.sqlite",
    });
    expect(store("sqlite:state/x.sqlite")).toEqual({
      kind: "sqlite",
      path: resolve("state/x.sqlite"),
    });
    expect(store("sqlite:///var/lib/x.sqlite")).toEqual({
      kind: "sqlite",
      path: "/var/lib/x.sqlite",
    });
    expect(store("redis://:pw@redis.internal:6380/2")).toEqual({
      kind: "redis",
      url: "redis://:pw@redis.internal:6380/2",
    });
    expect(store("rediss://redis.example.com")).toMatchObject({ kind: "redis" });
    expect(store("memory:")).toEqual({ kind: "memory" });
  });

  it("when STORE_URL is anything else, then the start is refused naming STORE_URL", () => {
    for (const value of ["postgres://db/x", "sqlite:", "redis://", "./data/x.sqlite", "memory"]) {
      expect(problemKeys({ ...REAL, STORE_URL: value })).toEqual(["STORE_URL"]);
    }
  });

  it("when TRUST_PROXY is true, then the start is refused naming it; hop counts and address lists are kept", () => {
    expect(problemKeys({ ...REAL, TRUST_PROXY: "true" })).toEqual(["TRUST_PROXY"]);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: must not be true/);
    for (const bad of ["yes", "10.0.0.0/33", "10.0.0.1, nginx.internal", "1.2.3.4/8/1"]) {
      expect(problemKeys({ TRUST_PROXY: bad }), bad).toEqual(["TRUST_PROXY"]);
    }
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(
      loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::/8, 192.168.1.7" }).trustProxy,
    ).toBe("loopback, 10.0.0.0/8, fd00::/8, 192.168.1.7");
  });

  it("when real mode talks to a remote Ripio with the sandbox's published values or a short webhook secret, then each key is named", () => {
    const published = {
      ...REAL,
      RIPIO_CLIENT_ID: SANDBOX_CLIENT_ID,
      RIPIO_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
      RIPIO_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRET,
      // The identity secret sandbox mode falls back to.
      HELP_IDENTITY_SECRET: loadConfig({}).identitySecret,
    };
    expect(problemKeys(published)).toEqual([
      "HELP_IDENTITY_SECRET",
      "RIPIO_CLIENT_ID",
      "RIPIO_CLIENT_SECRET",
      "RIPIO_WEBHOOK_SECRET",
    ]);
    expect(problemKeys({ ...REAL, RIPIO_WEBHOOK_SECRET: "x" })).toEqual(["RIPIO_WEBHOOK_SECRET"]);
    // 31 bytes refused, 32 accepted: bytes, not characters (an "é" is two).
    expect(problemKeys({ ...REAL, RIPIO_WEBHOOK_SECRET: "é".repeat(15) + "a" })).toEqual([
      "RIPIO_WEBHOOK_SECRET",
    ]);
    expect(problemKeys({ ...REAL, RIPIO_WEBHOOK_SECRET: "é".repeat(16) })).toEqual([]);
    expect(() => loadConfig({ ...REAL, RIPIO_WEBHOOK_SECRET: "sandbox-webhook-secret" })).toThrow(
      /RIPIO_WEBHOOK_SECRET: is a published sandbox value/,
    );
  });

  it("when real mode's RIPIO_BASE_URL is on loopback (a local simulator), then the published values are accepted", () => {
    for (const base of ["http://127.0.0.1:8788", "http://localhost:8788", "http://[::1]:8788"]) {
      const config = loadConfig({
        ...REAL,
        RIPIO_BASE_URL: base,
        RIPIO_CLIENT_ID: "sandbox-client",
        RIPIO_CLIENT_SECRET: "sandbox-secret",
        RIPIO_WEBHOOK_SECRET: "sandbox-webhook-secret",
      });
      expect(config.ripio).toMatchObject({ clientId: SANDBOX_CLIENT_ID });
    }
  });

  it("when MAX_UPLOADS_IN_FLIGHT is unset, set or bad, then 64, the value, or the key is named", () => {
    expect(loadConfig({}).maxUploadsInFlight).toBe(64);
    expect(loadConfig({ MAX_UPLOADS_IN_FLIGHT: "4" }).maxUploadsInFlight).toBe(4);
    expect(problemKeys({ MAX_UPLOADS_IN_FLIGHT: "0" })).toEqual(["MAX_UPLOADS_IN_FLIGHT"]);
  });
});
