import { join } from "node:path";
import type { Sandbox } from "../../../server/sandbox/createSandbox.ts";
import { sandboxAsRipio } from "../../support/proxy/sandboxAsRipio.ts";
import { TEST_IDENTITY_SECRET } from "./customerTokens.ts";

/**
 * The environment of a real-mode proxy in front of `ripio` (a sandbox the test runs), its
 * store a fresh SQLite file in `dataDir`: the default, ./data, would carry one test's rate
 * counts and tickets into the next (and land in the repository).
 */
export function realModeEnv(ripio: Sandbox, dataDir: string): Record<string, string> {
  return {
    ...sandboxAsRipio(ripio.url),
    STORE_URL: `sqlite:${join(dataDir, "help-proxy.sqlite")}`,
    HELP_IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    ALLOWED_ORIGINS: "https://shop.example.com",
  };
}
