// Entry for the metrics family's proxies: server/main.ts's server with metrics on or off
// (BENCH_METRICS=on|off), so the two proxies differ in nothing else.
import { loadConfig } from "../server/config.ts";
import { startServer } from "../server/startServer.ts";

const server = await startServer(loadConfig(process.env), {
  metrics: process.env.BENCH_METRICS !== "off",
});
console.log(`listening on ${server.url}/`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
