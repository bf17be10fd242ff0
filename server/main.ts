// Entry point of the proxy (`npm start`): the only server file with side effects.
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { startServer } from "./startServer.ts";

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

for (const notice of config.notices) console.log(notice);
const server = await startServer(config).catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  if (code === "EADDRINUSE")
    console.error(`Port ${config.port} is in use: set PORT to a free one.`);
  else console.error("The proxy could not start:", error);
  process.exit(1);
});
const graceMs = config.shutdownGraceSeconds * 1000;
let stopAt: number | null = null;

/**
 * One drain per stop, however the signal comes and however often: a process group (systemd,
 * Ctrl-C) and `npm start` forwarding it deliver the same SIGTERM two or three times within
 * milliseconds, and none of those may cut the uploads in flight. Only a signal that arrives
 * once the grace is over exits at once; a timer makes sure the grace holds in any case.
 */
function stop(signal: NodeJS.Signals): void {
  if (stopAt !== null) {
    if (Date.now() < stopAt + graceMs) return; // the same stop, delivered again
    console.log(`${signal} after the ${config.shutdownGraceSeconds} s grace: exiting now.`);
    process.exit(1);
  }
  stopAt = Date.now();
  console.log(
    `${signal}: finishing in-flight requests (at most ${config.shutdownGraceSeconds} s).`,
  );
  setTimeout(() => {
    console.error("The drain outlived the shutdown grace: exiting now.");
    process.exit(1);
  }, graceMs).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("shutdown failed", error);
      process.exit(1);
    },
  );
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// Started by scripts/start.mjs with an IPC channel: if that launcher dies, stop as if told to.
process.on("disconnect", () => stop("SIGTERM"));

// Announced only now that a stop drains: whoever acts on this line (a supervisor, a test) may
// signal at once, and a signal with no listener yet would kill the process outright.
console.log(`Ripio help proxy (${config.mode} mode) listening on ${server.url}/`);
if (server.sandbox) {
  console.log(`  Demo gallery:  ${server.url}/`);
  console.log(`  Embed page:    ${server.url}/embed.html`);
  console.log(`  Simulated Ripio at ${server.sandbox.url} (development secrets in use)`);
}
