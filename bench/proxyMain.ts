// Entry for bench proxies that differ from server/main.ts in one knob: metrics on or off
// (BENCH_METRICS=on|off, the metrics family) or another build than dist/ to serve
// (BENCH_STATIC_DIR, the script tag on React from bench/buildReactVariant.ts).
import { loadConfig } from "../server/config.ts";
import { startServer } from "../server/startServer.ts";

const staticDir = process.env.BENCH_STATIC_DIR;
const server = await startServer(loadConfig(process.env), {
  metrics: process.env.BENCH_METRICS !== "off",
  ...(staticDir ? { staticDir } : {}),
});
console.log(`listening on ${server.url}/`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
