import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.ts";

const REAL = {
  RIPIO_BASE_URL: "https://skala-sandbox.ripio.com/",
  RIPIO_CLIENT_ID: "client",
  RIPIO_CLIENT_SECRET: "secret",
  RIPIO_WEBHOOK_SECRET: "whsec",
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
        webhookSecret: "whsec",
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
});
