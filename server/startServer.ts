import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { pino, type Logger } from "pino";
import { API } from "../contract/index.ts";
import type { Config, RipioSettings } from "./config.ts";
import { createApp } from "./createApp.ts";
import { drainServer, type DrainParts } from "./drainServer.ts";
import { BODY_PROGRESS } from "./http/bodyDeadline.ts";
import { createBackgroundWork } from "./http/createBackgroundWork.ts";
import { createProxyMetrics } from "./metrics/createProxyMetrics.ts";
import { createUpstreamClient, type UpstreamTimeouts } from "./upstream/createUpstreamClient.ts";
import { WEBHOOK_PATH } from "./routes/webhooks.ts";
import { MAX_UPLOAD_BODY_BYTES } from "./upload/parseTicketUpload.ts";
import { isProcessAlive, prepareSpoolDir, spoolDirName } from "./upload/prepareSpoolDir.ts";
import { spoolHostTag } from "./upload/spoolFileName.ts";
import type { Sandbox, SandboxOptions } from "./sandbox/createSandbox.ts";
import { describeStore } from "./store/describeStore.ts";
import { openStore } from "./store/openStore.ts";
import { historyTtlMs } from "./tickets/ticketHistory.ts";
import type { TicketStore } from "./tickets/ticketStore.ts";

/** A running proxy (and, in sandbox mode, its simulator). */
export interface RunningServer {
  url: string;
  sandbox: Sandbox | null;
  /**
   * The graceful drain, once however often it is called: stops accepting, lets requests in
   * flight finish (long polls answer at once, new uploads get 503), answers 503 to what is
   * still running when the grace is nearly out, removes every spool file, closes the sandbox.
   * Resolves within the grace.
   */
  close(): Promise<void>;
}

/** Knobs for tests and embedders; every one has a production default. */
export interface StartOptions {
  sandboxOptions?: SandboxOptions;
  /** The built browser files (see createApp); default the widget's and the gallery. */
  staticDir?: string | readonly string[];
  logger?: Logger;
  now?: () => number;
  /** The spool folder uploads' temporary files are written to (see createApp). */
  tmpDir?: string;
  upstreamTimeouts?: Partial<UpstreamTimeouts>;
  /** The window in which a body must bring 1 KiB; default 30 s (tests shorten it). */
  bodyWindowMs?: number;
  /** How long close() may take in all; default SHUTDOWN_GRACE_SECONDS. */
  shutdownGraceMs?: number;
  /** Prometheus metrics and `/metrics`; default on (the bench measures their cost). */
  metrics?: boolean;
  /** A store to use instead of opening the one `config.store` names (closed by close()). */
  store?: TicketStore;
}

/** Never logged, whatever a log call is given. */
const REDACT = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-customer-token"]',
  "*.accessToken",
  "*.clientSecret",
  "*.webhookSecret",
  "*.identitySecret",
];

function listen(server: Server, port: number, host: string | null): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const done = (): void => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    };
    if (host === null) server.listen(port, done);
    else server.listen(port, host, done);
  });
}

/**
 * Starts the proxy. In sandbox mode it first starts the simulator on a loopback port, uses it
 * as Ripio (seeded client, sandbox webhook secret) and registers its own webhook URL with it.
 */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel, redact: REDACT });
  const now = options.now ?? Date.now;
  let sandbox: Sandbox | null = null;
  let ripio: RipioSettings;
  if (config.mode === "sandbox" || config.ripio === null) {
    // Loaded only in sandbox mode: a real deployment never carries the simulator in memory.
    const { createSandbox } = await import("./sandbox/createSandbox.ts");
    const seeds = await import("./sandbox/seeds.ts");
    sandbox = createSandbox(options.sandboxOptions);
    ripio = {
      baseUrl: await sandbox.listen(0, "127.0.0.1"),
      clientId: seeds.SANDBOX_CLIENT_ID,
      clientSecret: seeds.SANDBOX_CLIENT_SECRET,
      webhookSecret: options.sandboxOptions?.webhookSecret ?? seeds.SANDBOX_WEBHOOK_SECRET,
    };
  } else {
    ripio = config.ripio;
  }

  const metrics = options.metrics === false ? null : createProxyMetrics();
  const uid = process.getuid?.();
  const spoolOwner = { host: spoolHostTag(hostname()), pid: process.pid };
  let store: TicketStore;
  try {
    const claimOwner = { ...spoolOwner, isAlive: isProcessAlive };
    store =
      options.store ??
      (await openStore(config.store, {
        logger,
        now,
        claimOwner,
        historyTtlMs: historyTtlMs(config),
      }));
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
  const upstream = createUpstreamClient({
    ripio,
    logger,
    now,
    timeouts: options.upstreamTimeouts ?? {},
    ...(metrics ? { observe: metrics.upstreamRequest } : {}),
  });
  const spoolDir = options.tmpDir ?? join(tmpdir(), spoolDirName(uid));
  try {
    const swept = await prepareSpoolDir(spoolDir, {
      owner: spoolOwner,
      uid,
      processStartMs: performance.timeOrigin,
      isAlive: isProcessAlive,
      now: Date.now,
    });
    if (swept > 0) logger.info({ swept, spoolDir }, "removed spool files a crashed process left");
  } catch (error) {
    await upstream.close();
    await store.close();
    await sandbox?.close();
    throw error;
  }
  const shutdown = new AbortController();
  const stopping = new AbortController();
  const background = createBackgroundWork();
  let registerWebhook = (): void => undefined;
  const app = createApp({
    config: { ...config, ripio },
    logger,
    upstream,
    store,
    now,
    shutdown: shutdown.signal,
    stopping: stopping.signal,
    background,
    metrics,
    tmpDir: spoolDir,
    spoolOwner,
    bodyProgress: { ...BODY_PROGRESS, windowMs: options.bodyWindowMs ?? BODY_PROGRESS.windowMs },
    sandbox: sandbox && { url: ripio.baseUrl, afterReset: () => registerWebhook() },
    ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
  });

  const server = createServer(app);
  // A 50 MB upload on a slow link outlives any fixed request deadline; bodies have a progress
  // floor of their own instead (http/bodyDeadline.ts). Headers must still arrive in time.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  server.on("checkContinue", (req, res) => {
    // A body we would refuse by its length is never asked for: answer 413 without 100 Continue.
    const tooLarge = Number(req.headers["content-length"]) > MAX_UPLOAD_BODY_BYTES;
    if (tooLarge && req.url?.startsWith(API.tickets)) res.setHeader("Connection", "close");
    else res.writeContinue();
    server.emit("request", req, res);
  });

  let address: AddressInfo;
  try {
    address = await listen(server, config.port, config.host);
  } catch (error) {
    await upstream.close();
    await store.close();
    await sandbox?.close();
    throw error;
  }
  const wildcard = config.host === null || config.host === "::" || config.host === "0.0.0.0";
  const host = wildcard ? "localhost" : (config.host ?? "localhost");
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  if (sandbox) {
    const ownSandbox = sandbox;
    // The simulator calls back over IPv4 loopback, which every wildcard listener accepts.
    const callbackBase = wildcard ? `http://127.0.0.1:${address.port}` : url;
    registerWebhook = () =>
      void ownSandbox.control.registerWebhook(`${callbackBase}${WEBHOOK_PATH}`);
    registerWebhook();
  }
  logger.info(
    { url, mode: config.mode, store: describeStore(config.store) },
    "help proxy listening",
  );

  let upstreamClosed: Promise<void> | null = null;
  const drainParts: DrainParts = {
    server,
    shutdown,
    stopping,
    closeUpstream: () => (upstreamClosed ??= upstream.close()),
    background,
    // After the uploads: one that finished late still records its ticket in the store.
    closeRest: async () => {
      await store.close();
      await sandbox?.close();
    },
    logger,
  };
  const graceMs = options.shutdownGraceMs ?? config.shutdownGraceSeconds * 1000;

  let closing: Promise<void> | null = null;
  return {
    url,
    sandbox,
    close() {
      closing ??= drainServer(drainParts, graceMs);
      return closing;
    },
  };
}
