// Over 200 lines on purpose: the one schema of the environment and the
// rules between its keys read best in one place.
import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

/** Where Ripio is: the real API, or the simulator started in process. */
export type Mode = "sandbox" | "real";

/** pino's levels, plus "silent" for tests. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How to reach Ripio and check what it sends. */
export interface RipioSettings {
  /** Without a trailing slash, e.g. `https://skala.ripio.com`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
}

/** Where tickets, idempotency keys and rate-limit counters live (STORE_URL). */
export type StoreSettings =
  | { kind: "memory" }
  /** An absolute path. */
  | { kind: "sqlite"; path: string }
  | { kind: "redis"; url: string };

/** The embedded default of real mode, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = "./data/help-proxy.sqlite";

/** The proxy's settings, checked once at start; nothing else reads the environment. */
export interface Config {
  mode: Mode;
  port: number;
  /**
   * Interface to listen on; null = Node's default (every interface). Sandbox mode defaults to
   * 127.0.0.1: it hands out a demo identity for any customer to whoever can reach it.
   */
  host: string | null;
  /** Real mode only; in sandbox mode startServer fills it in from the simulator. */
  ripio: RipioSettings | null;
  identitySecret: string;
  /** Normalized origins (`scheme://host[:port]`) allowed to call `/api/*`, besides our own. */
  allowedOrigins: readonly string[];
  rateLimits: { ticketsPerHour: number; requestsPerMinute: number };
  logLevel: LogLevel;
  store: StoreSettings;
  /**
   * Express's `trust proxy` setting: false, a hop count, or a list of addresses / subnets —
   * never `true`, which would take any client's X-Forwarded-For as its address.
   */
  trustProxy: false | number | string;
  /** Uploads this process receives at once; one more is refused before a byte is spooled. */
  maxUploadsInFlight: number;
  /** How long a stop may take, from the signal to the exit: drain, answer, clean up. */
  shutdownGraceSeconds: number;
  /** A bearer that lets callers other than loopback read `/metrics`; null = loopback only. */
  metricsToken: string | null;
  /** How long a customer's list keeps a ticket's summary and status; 0 keeps no list. */
  ticketHistoryDays: number;
  /** Lines worth printing at start (sandbox mode says it uses development secrets). */
  notices: readonly string[];
}

/** Thrown by `loadConfig`; its message names every bad key, one per line. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly { key: string; message: string }[]) {
    super(
      "Invalid configuration — fix these environment variables and start again:\n" +
        problems.map((p) => `  ${p.key}: ${p.message}`).join("\n"),
    );
  }
}

/** HS256 keys shorter than the hash (32 bytes) weaken it (RFC 7518 §3.2); webhooks use HMAC-SHA256 too. */
const MIN_SECRET_BYTES = 32;
/** A metrics bearer short enough to guess is no protection. */
const MIN_METRICS_TOKEN_CHARS = 16;
const DEV_IDENTITY_SECRET = "ripio-help-development-identity-secret";
/**
 * Values published in this repository — the simulator's seeds (server/sandbox/seeds.ts, which
 * config may not import; test/server/config.test.ts keeps the two in step) and the development
 * identity secret: anyone can sign with them, so real mode against a remote Ripio refuses them.
 */
const PUBLISHED_VALUES: ReadonlySet<string> = new Set([
  "sandbox-client",
  "sandbox-secret",
  "sandbox-webhook-secret",
  DEV_IDENTITY_SECRET,
]);
/** Express's names for address ranges (proxy-addr): 127.0.0.1/8 and ::1, 169.254/16 and fe80::/10, private ranges. */
const TRUST_PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
/** A default that bounds the spool (64 × 51 MiB) and sockets without hurting a busy proxy. */
export const DEFAULT_MAX_UPLOADS_IN_FLIGHT = 64;
/** Sandbox mode's bind address: it hands out demo identities, so not to the network. */
const SANDBOX_HOST = "127.0.0.1";
/** Under Kubernetes' default 30 s termination grace, with room for the kubelet's own steps. */
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 25;

// An unset and an empty variable mean the same ("PORT=" in a .env file).
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    schema.optional(),
  );

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** `new URL(x).origin` when x is exactly an http(s) origin, else null. */
function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    const bare = url.pathname === "/" && !url.search && !url.hash && !url.username;
    const http = url.protocol === "http:" || url.protocol === "https:";
    return bare && http && !value.endsWith("/") ? url.origin : null;
  } catch {
    return null;
  }
}

/** True for `localhost`, 127.0.0.0/8 and `[::1]` (URL hostnames keep IPv6's brackets). */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost" || name === "::1") return true;
  return isIP(name) === 4 && name.startsWith("127.");
}

/** One TRUST_PROXY entry: an address, a subnet (`10.0.0.0/8`) or one of Express's names. */
function isTrustProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

/** STORE_URL's value → where the store is; null when it is none of the accepted forms. */
function parseStoreUrl(value: string): StoreSettings | null {
  if (value === "memory:") return { kind: "memory" };
  if (value.startsWith("sqlite:")) {
    // `sqlite:data/x.sqlite`, `sqlite:/var/lib/x.sqlite`, or the URL forms `sqlite://data/x.sqlite`
    // and `sqlite:///var/lib/x.sqlite`.
    const path = value.slice("sqlite:".length).replace(/^\/\//, "");
    return path === "" ? null : { kind: "sqlite", path: resolve(path) };
  }
  if (/^rediss?:\/\//.test(value)) {
    try {
      return new URL(value).hostname === "" ? null : { kind: "redis", url: value };
    } catch {
      return null;
    }
  }
  return null;
}

const ENV = z.object({
  PORT: optional(integer(0, 65_535)).describe(
    "Port to listen on; default 8787; 0 = any free port (the URL is printed).",
  ),
  HOST: optional(z.string()).describe(
    "Interface to listen on; default every interface in real mode, 127.0.0.1 in sandbox mode (it hands out demo identities; another value is obeyed with a notice).",
  ),
  RIPIO_BASE_URL: optional(
    z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://skala.ripio.com",
      })
      .refine((v) => !/[?#]/.test(v), "must not have a query or fragment")
      .transform((v) => v.replace(/\/+$/, "")),
  ).describe(
    "Ripio's base URL, e.g. https://skala.ripio.com; setting it selects real mode, unset runs the simulator in process.",
  ),
  RIPIO_CLIENT_ID: optional(z.string()).describe(
    "The OAuth client id Ripio issued; required in real mode.",
  ),
  RIPIO_CLIENT_SECRET: optional(z.string()).describe(
    "The OAuth client secret Ripio issued; required in real mode; never logged or sent to a browser.",
  ),
  RIPIO_WEBHOOK_SECRET: optional(z.string()).describe(
    "The key Ripio signs webhook events with; required in real mode (32+ bytes, and not the sandbox's published one, unless RIPIO_BASE_URL is on loopback).",
  ),
  HELP_IDENTITY_SECRET: optional(z.string()).describe(
    "The HS256 key shared with the host site's backend for customer tokens; required in real mode (32+ bytes, not the development value); a development value in sandbox mode.",
  ),
  ALLOWED_ORIGINS: optional(
    z.string().transform((raw, ctx) => {
      const items = raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const origins = items.map(normalizeOrigin);
      const bad = items.filter((_, i) => origins[i] === null);
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `not an origin (scheme://host[:port], no path): ${bad.join(", ")}`,
        });
        return z.NEVER;
      }
      return [...new Set(origins as string[])];
    }),
  ).describe(
    "Comma-separated origins (https://shop.example.com) allowed to call /api/*, besides the proxy's own; required in real mode.",
  ),
  RATE_LIMIT_TICKETS_PER_HOUR: optional(integer(1, 1_000_000)).describe(
    "Accepted tickets per customer per hour; default 20; reserved before each upload, across replicas.",
  ),
  RATE_LIMIT_REQUESTS_PER_MINUTE: optional(integer(1, 10_000_000)).describe(
    "Requests to /api/* per client IP per minute; default 300.",
  ),
  LOG_LEVEL: optional(
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }),
  ).describe("fatal, error, warn, info, debug, trace or silent; default info."),
  SHUTDOWN_GRACE_SECONDS: optional(integer(1, 3600)).describe(
    "How long a stop may take, signal to exit (1–3600); default 25, below Kubernetes' 30 s.",
  ),
  METRICS_TOKEN: optional(
    z
      .string()
      .trim()
      .min(MIN_METRICS_TOKEN_CHARS, `must be at least ${MIN_METRICS_TOKEN_CHARS} characters`)
      .regex(/^\S+$/, "must have no white space (it is sent as a bearer token)"),
  ).describe(
    "A bearer (16+ characters) that lets callers other than loopback read /metrics; unset = loopback only.",
  ),
  STORE_URL: optional(
    z.string().transform((raw, ctx) => {
      const store = parseStoreUrl(raw.trim());
      if (store !== null) return store;
      ctx.addIssue({
        code: "custom",
        message: "must be sqlite:<path>, redis://host[:port][/db], rediss://… or memory:",
      });
      return z.NEVER;
    }),
  ).describe(
    "Where ticket owners and statuses (7 days), Idempotency-Keys (24 h) and rate-limit counters live: unset = an SQLite file at ./data/help-proxy.sqlite in real mode, memory in sandbox mode; sqlite:<path> another SQLite file (one machine, survives restarts); redis://… or rediss://… a Redis that replicas share; memory: this process only.",
  ),
  TICKET_HISTORY_DAYS: optional(integer(0, 3650)).describe(
    "How long (days) a customer's list (GET /api/tickets) keeps each ticket's summary, times, status and file count, never its description or files; default 90; 0 keeps no list. Every store engine deletes the rows after it.",
  ),
  TRUST_PROXY: optional(
    z.string().transform((raw, ctx): false | number | string => {
      const value = raw.trim();
      // 0 hops trusts no one: the same as unset (and /metrics stays open to loopback).
      if (value === "false" || /^0+$/.test(value)) return false;
      if (/^\d+$/.test(value)) return Number(value);
      if (value === "true") {
        ctx.addIssue({
          code: "custom",
          message:
            "must not be true (it would take any client's X-Forwarded-For as its address): give the hop count of proxies in front (1 for one nginx) or their addresses / subnets",
        });
        return z.NEVER;
      }
      const entries = value.split(",").map((s) => s.trim());
      const bad = entries.filter((entry) => !isTrustProxyEntry(entry));
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `must be a hop count or addresses / subnets (loopback, 10.0.0.0/8, …); not: ${bad.join(", ")}`,
        });
        return z.NEVER;
      }
      return entries.join(", ");
    }),
  ).describe(
    "Behind a load balancer or reverse proxy: the hop count of proxies in front (1 for one nginx), or their addresses/subnets (loopback, 10.0.0.0/8); never true. Client IPs (the per-IP limit) and the own origin then come from X-Forwarded-*; set, /metrics needs METRICS_TOKEN even from loopback.",
  ),
  MAX_UPLOADS_IN_FLIGHT: optional(integer(1, 100_000)).describe(
    "Uploads this process receives and holds spooled at once; one more gets 429 RATE_LIMITED with Retry-After before a byte is spooled; default 64.",
  ),
});

const REAL_MODE_KEYS = [
  "RIPIO_CLIENT_ID",
  "RIPIO_CLIENT_SECRET",
  "RIPIO_WEBHOOK_SECRET",
  "HELP_IDENTITY_SECRET",
  "ALLOWED_ORIGINS",
] as const;

const isShort = (secret: string): boolean => Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES;

/** RIPIO_BASE_URL names a simulator on this machine (it may keep the published values). */
function isLoopbackUpstream(baseUrl: string): boolean {
  try {
    return isLoopbackHostname(new URL(baseUrl.trim()).hostname);
  } catch {
    return false;
  }
}

/** Real mode against a remote Ripio: no published value anywhere, no short webhook secret. */
function unsafeSecrets(
  env: Record<string, string | undefined>,
  shortMessage: string,
): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  for (const key of [
    "RIPIO_CLIENT_ID",
    "RIPIO_CLIENT_SECRET",
    "RIPIO_WEBHOOK_SECRET",
    "HELP_IDENTITY_SECRET",
  ]) {
    const value = (env[key] ?? "").trim();
    if (PUBLISHED_VALUES.has(value)) {
      problems.push({
        key,
        message: "is a published sandbox value (anyone can use it); set the one Ripio gave you",
      });
    }
  }
  const webhookSecret = (env.RIPIO_WEBHOOK_SECRET ?? "").trim();
  if (webhookSecret !== "" && !PUBLISHED_VALUES.has(webhookSecret) && isShort(webhookSecret)) {
    problems.push({ key: "RIPIO_WEBHOOK_SECRET", message: shortMessage });
  }
  return problems;
}

/**
 * Reads and checks the environment described in docs/architecture.md and the README. Real mode (RIPIO_BASE_URL set)
 * needs every Ripio and identity secret and ALLOWED_ORIGINS, and against a Ripio not on loopback
 * refuses the published sandbox values and secrets under 32 bytes; sandbox mode gives
 * development values. Throws a ConfigError naming every bad key at once.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ENV.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ key: String(issue.path[0]), message: issue.message }));
  const values = parsed.success ? parsed.data : null;
  const real = (env.RIPIO_BASE_URL ?? "").trim() !== "";
  if (real) {
    for (const key of REAL_MODE_KEYS) {
      const given = (env[key] ?? "").trim() !== "";
      if (!given) problems.push({ key, message: "required in real mode (RIPIO_BASE_URL is set)" });
    }
  }
  // Read raw, so it is judged even when other keys failed to parse.
  const identitySecret = (env.HELP_IDENTITY_SECRET ?? "").trim();
  const shortSecret = identitySecret !== "" && isShort(identitySecret);
  const shortMessage = `must be at least ${MIN_SECRET_BYTES} bytes`;
  if (real && shortSecret) problems.push({ key: "HELP_IDENTITY_SECRET", message: shortMessage });
  if (real && !isLoopbackUpstream(env.RIPIO_BASE_URL ?? "")) {
    problems.push(...unsafeSecrets(env, shortMessage));
  }
  if (problems.length > 0 || values === null) throw new ConfigError(problems);

  const notices: string[] = [];
  // Tolerated in sandbox mode, where tests and demos use short made-up secrets.
  if (shortSecret) notices.push(`HELP_IDENTITY_SECRET ${shortMessage} in real mode.`);
  if (!real) {
    notices.push(
      "Sandbox mode: Ripio is simulated in this process and development secrets are in use " +
        "(set RIPIO_BASE_URL and the secrets for real mode).",
    );
    const stray = ["RIPIO_CLIENT_ID", "RIPIO_CLIENT_SECRET", "RIPIO_WEBHOOK_SECRET"].filter(
      (key) => (env[key] ?? "") !== "",
    );
    if (stray.length > 0) notices.push(`${stray.join(", ")} ignored: RIPIO_BASE_URL is not set.`);
    if (values.HOST !== undefined && values.HOST !== SANDBOX_HOST) {
      notices.push(
        `HOST=${values.HOST} in sandbox mode: whoever can reach it gets a demo identity for any ` +
          "customer at /demo/identity. Leave HOST unset to listen on 127.0.0.1 only.",
      );
    }
  }
  return {
    mode: real ? "real" : "sandbox",
    port: values.PORT ?? 8787,
    host: values.HOST ?? (real ? null : SANDBOX_HOST),
    // Every real-mode key was checked above, so the fallbacks below are never used there.
    ripio: real
      ? {
          baseUrl: values.RIPIO_BASE_URL ?? "",
          clientId: values.RIPIO_CLIENT_ID ?? "",
          clientSecret: values.RIPIO_CLIENT_SECRET ?? "",
          webhookSecret: values.RIPIO_WEBHOOK_SECRET ?? "",
        }
      : null,
    identitySecret: values.HELP_IDENTITY_SECRET ?? DEV_IDENTITY_SECRET,
    allowedOrigins: values.ALLOWED_ORIGINS ?? [],
    rateLimits: {
      ticketsPerHour: values.RATE_LIMIT_TICKETS_PER_HOUR ?? 20,
      requestsPerMinute: values.RATE_LIMIT_REQUESTS_PER_MINUTE ?? 300,
    },
    logLevel: values.LOG_LEVEL ?? "info",
    store:
      values.STORE_URL ??
      (real ? { kind: "sqlite", path: resolve(DEFAULT_SQLITE_PATH) } : { kind: "memory" }),
    trustProxy: values.TRUST_PROXY ?? false,
    maxUploadsInFlight: values.MAX_UPLOADS_IN_FLIGHT ?? DEFAULT_MAX_UPLOADS_IN_FLIGHT,
    shutdownGraceSeconds: values.SHUTDOWN_GRACE_SECONDS ?? DEFAULT_SHUTDOWN_GRACE_SECONDS,
    metricsToken: values.METRICS_TOKEN ?? null,
    ticketHistoryDays: values.TICKET_HISTORY_DAYS ?? 90,
    notices,
  };
}

/** Settings of `npm run sandbox`, the simulator alone (`SANDBOX_PORT`). */
export interface SandboxConfig {
  port: number;
}

const SANDBOX_ENV = z.object({
  SANDBOX_PORT: optional(integer(0, 65_535)).describe(
    "Port of `npm run sandbox`, the simulator alone, on 127.0.0.1; default 8788.",
  ),
});

/** Every environment variable the proxy and the simulator read, with its documentation. */
export const CONFIG_KEYS: readonly { key: string; doc: string }[] = [ENV, SANDBOX_ENV].flatMap(
  (schema) =>
    Object.entries(schema.shape).map(([key, value]) => ({ key, doc: value.description ?? "" })),
);

/** Reads and checks the simulator's environment; throws a ConfigError naming a bad key. */
export function loadSandboxConfig(env: Record<string, string | undefined>): SandboxConfig {
  const parsed = SANDBOX_ENV.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ key: String(issue.path[0]), message: issue.message })),
    );
  }
  return { port: parsed.data.SANDBOX_PORT ?? 8788 };
}
