// Entry for a bench proxy child that serves another build than dist/ (the script tag on React,
// bench/buildReactVariant.ts): server/main.ts with `staticDir` from BENCH_STATIC_DIR.
import { loadConfig } from "../server/config.ts";
import { startServer } from "../server/startServer.ts";

const staticDir = process.env.BENCH_STATIC_DIR;
if (!staticDir) throw new Error("BENCH_STATIC_DIR is not set");
const server = await startServer(loadConfig(process.env), { staticDir });

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
