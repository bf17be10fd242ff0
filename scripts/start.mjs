// `npm start`: builds the embed and the demo when they are missing, then runs the proxy
// (sandbox mode unless RIPIO_BASE_URL is set). Signals go to the server so it can drain.
import { existsSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";

const needed = ["dist/help-widget.js", "dist/index.html", "dist/embed-manifest.json"];
if (needed.some((file) => !existsSync(file))) {
  console.log("Building the widget (first start)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
