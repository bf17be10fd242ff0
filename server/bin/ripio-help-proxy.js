#!/usr/bin/env node
// The `ripio-help-proxy` command: what `npm start` starts in a clone (server/main.ts, compiled).
// Sandbox mode with the demo gallery and /embed.html when RIPIO_BASE_URL is unset, real mode
// otherwise; configured by the environment (README.md, "Operators").
//
// `npx ripio-help-proxy` runs this under `npm exec` and a shell; a SIGTERM to npm (Docker's
// `CMD ["npx", "ripio-help-proxy"]`) ends npm and leaves this process orphaned without the
// signal. Like scripts/start.mjs, it notices its parent is gone and drains as if signalled.
const parent = process.ppid;
if (parent !== 1) {
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, "SIGTERM");
  }, 500);
  watch.unref();
}
await import("../dist/server/main.js");
