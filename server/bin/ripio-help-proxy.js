#!/usr/bin/env node
// The `ripio-help-proxy` command: what `npm start` starts in a clone (server/main.ts, compiled).
// Sandbox mode with the demo gallery and /embed.html when RIPIO_BASE_URL is unset, real mode
// otherwise; configured by the environment (README.md, "Operators").
import "../dist/server/main.js";
