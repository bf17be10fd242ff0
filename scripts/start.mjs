// `npm start`: builds the embed and the demo when they are missing, then runs the proxy
// (sandbox mode unless RIPIO_BASE_URL is set). The stop signal must reach the server and the
// chain must wait for it to drain: package.json `exec`s this script, so npm's own forwarding of
// SIGTERM (Docker's `CMD ["npm", "start"]`) lands here rather than killing a shell between;
// every SIGINT/SIGTERM is passed on (the server drains once however many arrive), and this
// exits with the server. Should this launcher die anyway, the server sees its IPC channel
// close and drains by itself; should npm die, this notices it was orphaned and stops the server.
import { existsSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";

const needed = [
  "widget/dist/help-widget.js",
  "widget/dist/embed-manifest.json",
  "widget/dist/browser-files.json",
  "server/dist/gallery/index.html",
  "server/dist/gallery/browser-files.json",
];
if (needed.some((file) => !existsSync(file))) {
  console.log("Building the widget (first start)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
  stdio: ["inherit", "inherit", "inherit", "ipc"],
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) server.kill("SIGTERM");
}, 500).unref();
