import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino, type Logger } from "pino";
import { API } from "../contract/index.ts";
import type { Config, RipioSettings } from "./config.ts";
import { createApp } from "./createApp.ts";
import { createBackgroundWork } from "./http/createBackgroundWork.ts";
import { createUpstreamClient, type UpstreamTimeouts } from "./upstream/createUpstreamClient.ts";
import { WEBHOOK_PATH } from "./routes/webhooks.ts";
import { MAX_UPLOAD_BODY_BYTES } from "./upload/parseTicketUpload.ts";
import type { Sandbox, SandboxOptions } from "./sandbox/createSandbox.ts";
import { describeStore } from "./store/describeStore.ts";
import { openStore } from "./store/openStore.ts";
import type { TicketStore } from "./tickets/ticketStore.ts";

/** A running proxy (and, in sandbox mode, its simulator). */
export interface RunningServer {
  url: string;
  sandbox: Sandbox | null;
  /** Stops accepting, lets in-flight requests finish (long polls answer at once), closes both. */
  close(): Promise<void>;
}

/** Knobs for tests and embedders; every one has a production default. */
export interface StartOptions {
  sandboxOptions?: SandboxOptions;
  staticDir?: string;
  logger?: Logger;
  now?: () => number;
  /** Where uploads' temporary files are written. */
  tmpDir?: string;
  upstreamTimeouts?: Partial<UpstreamTimeouts>;
  uploadIdleMs?: number;
  /** How long close() waits for in-flight requests before cutting them off; default 60 s. */
  shutdownGraceMs?: number;
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

/** Stops accepting, waits for in-flight requests (closing idle keep-alive sockets), then forces. */
async function drainServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([closed, grace]);
  clearInterval(idleSweep);
  server.closeAllConnections();
  await closed;
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

  let store: TicketStore;
  try {
    store = options.store ?? (await openStore(config.store, { logger, now }));
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
  const upstream = createUpstreamClient({
    ripio,
    logger,
    now,
    timeouts: options.upstreamTimeouts ?? {},
  });
  const shutdown = new AbortController();
  const background = createBackgroundWork();
  let registerWebhook = (): void => undefined;
  const app = createApp({
    config: { ...config, ripio },
    logger,
    upstream,
    store,
    now,
    shutdown: shutdown.signal,
    background,
    sandbox: sandbox && { url: ripio.baseUrl, afterReset: () => registerWebhook() },
    ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
    ...(options.tmpDir === undefined ? {} : { tmpDir: options.tmpDir }),
    ...(options.uploadIdleMs === undefined ? {} : { uploadIdleMs: options.uploadIdleMs }),
  });

  const server = createServer(app);
  // A 50 MB upload on a slow link outlives any fixed request deadline; uploads have an idle
  // timeout of their own instead. Headers must still arrive in time (slowloris).
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

  let closing: Promise<void> | null = null;
  return {
    url,
    sandbox,
    close() {
      closing ??= (async () => {
        shutdown.abort();
        await drainServer(server, options.shutdownGraceMs ?? 60_000);
        await upstream.close(); // fails any call still waiting on Ripio, so its cleanup runs
        await background.idle();
        await store.close();
        await sandbox?.close();
      })();
      return closing;
    },
  };
}
