// Entry point of the proxy (`npm start`): the only server file with side effects.
import { ConfigError, loadConfig } from "./config.ts";
import { startServer } from "./startServer.ts";

let config;
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
console.log(`Ripio help proxy (${config.mode} mode) listening on ${server.url}/`);
if (server.sandbox) {
  console.log(`  Demo gallery:  ${server.url}/`);
  console.log(`  Embed page:    ${server.url}/embed.html`);
  console.log(`  Simulated Ripio at ${server.sandbox.url} (development secrets in use)`);
}

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) {
    // A second signal: the operator does not want to wait.
    console.log(`${signal} again: exiting now.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: finishing in-flight requests, then exiting.`);
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
