import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import compression from "compression";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { ApiError } from "./http/apiError.ts";
import { bodyDeadline, BODY_PROGRESS } from "./http/bodyDeadline.ts";
import type { BodyProgressLimits } from "./http/watchBodyProgress.ts";
import { NO_METRICS, type PrometheusMetrics } from "./metrics/createProxyMetrics.ts";
import { countTicketSubmissions, createMetricsRouter } from "./routes/metrics.ts";
import { ensureSpoolDir, spoolDirName } from "./upload/prepareSpoolDir.ts";
import { spoolHostTag, type SpoolOwner } from "./upload/spoolFileName.ts";
import type { Config, RipioSettings } from "./config.ts";
import { createBackgroundWork, type BackgroundWork } from "./http/createBackgroundWork.ts";
import { createMemoryTicketStore } from "./store/createMemoryTicketStore.ts";
import { createTicketRecorder } from "./tickets/createTicketRecorder.ts";
import { createTicketRefresher } from "./tickets/createTicketRefresher.ts";
import { historyTtlMs } from "./tickets/ticketHistory.ts";
import { createTicketListRouter } from "./routes/ticketList.ts";
import { createTicketsEnabledProbe } from "./upstream/createTicketsEnabledProbe.ts";
import type { UpstreamClient } from "./upstream/createUpstreamClient.ts";
import { errorHandler } from "./http/errorHandler.ts";
import { originCheck } from "./protection/originCheck.ts";
import { createUploadsInFlight } from "./protection/uploadsInFlight.ts";
import { defaultStaticDirs } from "./packageDist.ts";
import { requestContext } from "./http/requestContext.ts";
import { requireCustomer } from "./protection/requireCustomer.ts";
import { createDemoIdentityRouter } from "./routes/demoIdentity.ts";
import { createEmbedPageRouter } from "./routes/embedPage.ts";
import { createHealthRouter } from "./routes/health.ts";
import { createPublicConfigRouter } from "./routes/publicConfig.ts";
import { createSandboxControlRouter } from "./routes/sandboxControl.ts";
import { createStaticFiles } from "./routes/staticFiles.ts";
import { createTicketStatusRouter } from "./routes/ticketStatus.ts";
import { createTicketsRouter } from "./routes/tickets.ts";
import { createWebhooksRouter } from "./routes/webhooks.ts";
import type { TicketStore } from "./tickets/ticketStore.ts";

/** Everything the app is made of; the edges (Ripio, clock, disk, logs) are passed in. */
export interface AppDeps {
  /** With `ripio` filled in (startServer does it in sandbox mode). */
  config: Config & { ripio: RipioSettings };
  logger: Logger;
  upstream: UpstreamClient;
  store?: TicketStore;
  now?: () => number;
  /**
   * The built browser files, served in this order; default the widget package's dist and the
   * demo gallery (server/packageDist.ts).
   */
  staticDir?: string | readonly string[];
  /**
   * The spool folder uploads' temporary files are written to; default
   * `<os tmp>/ripio-help-spool-<uid>` (startServer prepares it and sweeps a crash's leftovers).
   */
  tmpDir?: string;
  /** Who this process is, in spool file names; default this host and pid. */
  spoolOwner?: SpoolOwner;
  /** The floor every request body must keep while read; default 1 KiB in 30 s. */
  bodyProgress?: BodyProgressLimits;
  /** The proxy's Prometheus metrics, served at `/metrics`; none (and no route) when absent. */
  metrics?: PrometheusMetrics | null;
  /** Uploads in flight, so shutdown can wait for their cleanup; default a private tracker. */
  background?: BackgroundWork;
  /** Aborted when the server begins to shut down: long polls answer at once, readyz says 503. */
  shutdown?: AbortSignal;
  /** Aborted (reason: the ApiError to answer) when the shutdown grace runs out. */
  stopping?: AbortSignal;
  /** Sandbox mode: the simulator's URL, and what to do after its state is reset. */
  sandbox?: { url: string; afterReset(): void } | null;
  /** Page routes mounted before the static files (the place for more pages). */
  pages?: readonly Router[];
}

const CSP_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  // The widget injects its styles into its shadow root; tightened for the embed page itself.
  "style-src": ["'self'", "'unsafe-inline'"],
  "connect-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:"],
  "media-src": ["'self'", "blob:"],
  // The proxy may be reached over plain http on a LAN or localhost; TLS is the edge's job.
  "upgrade-insecure-requests": null,
};

/** Builds the proxy's Express app: API, webhooks, health, sandbox extras, static files. */
export function createApp(deps: AppDeps): express.Express {
  const { config, logger, upstream } = deps;
  const now = deps.now ?? Date.now;
  const store = deps.store ?? createMemoryTicketStore({ now, historyTtlMs: historyTtlMs(config) });
  const shutdown = deps.shutdown ?? new AbortController().signal;
  const metrics = deps.metrics ?? NO_METRICS;
  let spoolDir = deps.tmpDir;
  if (spoolDir === undefined) {
    // startServer passes a prepared folder; an embedder calling createApp alone gets one made
    // and checked the same way (a folder someone else made first in /tmp is refused).
    const uid = process.getuid?.();
    spoolDir = join(tmpdir(), spoolDirName(uid));
    ensureSpoolDir(spoolDir, uid);
  }
  const ticketsEnabled = createTicketsEnabledProbe({ upstream, logger, now });
  const refresher = createTicketRefresher({ upstream, store, logger, now });
  const ipLimiter = store.requestLimiter({
    name: "ip",
    limit: config.rateLimits.requestsPerMinute,
    windowMs: 60_000,
  });
  const ticketLimiter = store.slotLimiter({
    name: "tickets",
    limit: config.rateLimits.ticketsPerHour,
    windowMs: 3_600_000,
  });
  const background = deps.background ?? createBackgroundWork();
  const recorder = createTicketRecorder({ logger, shutdown, track: background.track });

  const app = express();
  app.set("trust proxy", config.trustProxy);
  app.set("etag", false); // API answers are no-store; static files get theirs from serve-static
  app.use(requestContext(logger, now));
  app.use(bodyDeadline(deps.bodyProgress ?? BODY_PROGRESS));
  app.use(countTicketSubmissions(metrics));
  app.use((_req: Request, res: Response, next: NextFunction) => {
    // While draining for shutdown, every answer closes its connection.
    if (shutdown.aborted) res.setHeader("Connection", "close");
    next();
  });
  app.use(helmet({ contentSecurityPolicy: { directives: CSP_DIRECTIVES } }));
  app.use(compression());

  app.use(createHealthRouter({ upstream, shutdown, store }));
  if (deps.metrics) {
    app.use(
      createMetricsRouter({
        metrics: deps.metrics,
        token: config.metricsToken,
        behindProxy: config.trustProxy !== false,
      }),
    );
  }
  app.use(createWebhooksRouter({ store, secret: config.ripio.webhookSecret, metrics, now }));

  app.use("/api", async (req: Request, _res: Response, next: NextFunction) => {
    const verdict = await ipLimiter.take(req.ip ?? req.socket.remoteAddress ?? "unknown");
    if (verdict.ok) return next();
    throw new ApiError("RATE_LIMITED", "Too many requests; slow down.", {
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
  });
  app.use("/api", originCheck(config.allowedOrigins));
  app.use("/api", requireCustomer(config.identitySecret, now));
  app.use(createPublicConfigRouter({ ticketsEnabled }));
  app.use(
    createTicketsRouter({
      upstream,
      store,
      ticketsEnabled,
      ticketLimiter,
      recorder,
      tmpDir: spoolDir,
      spoolOwner: deps.spoolOwner ?? { host: spoolHostTag(hostname()), pid: process.pid },
      draining: shutdown,
      stopping: deps.stopping ?? new AbortController().signal,
      background,
      uploadsInFlight: createUploadsInFlight(config.maxUploadsInFlight),
      now,
      bodyProgress: deps.bodyProgress ?? BODY_PROGRESS,
    }),
  );
  app.use(createTicketStatusRouter({ store, refresher, now, shutdown, metrics }));
  app.use(createTicketListRouter({ store, refresher, now, shutdown }));
  app.use("/api", (req: Request) => {
    throw new ApiError(
      "MALFORMED_REQUEST",
      `There is no ${req.method} ${req.originalUrl.split("?")[0]}.`,
    );
  });

  if (deps.sandbox) {
    app.use(createDemoIdentityRouter({ identitySecret: config.identitySecret }));
    app.use(createEmbedPageRouter({ identitySecret: config.identitySecret }));
    app.use(
      createSandboxControlRouter({
        sandboxUrl: deps.sandbox.url,
        afterReset: deps.sandbox.afterReset,
      }),
    );
  }
  for (const router of deps.pages ?? []) app.use(router);
  for (const dir of [deps.staticDir ?? defaultStaticDirs()].flat()) app.use(createStaticFiles(dir));

  app.use(errorHandler);
  return app;
}
