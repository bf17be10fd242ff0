import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_WEBHOOK_SECRET,
} from "../../../server/sandbox/seeds.ts";

/**
 * The variables that put a proxy in real mode in front of the sandbox at `ripioUrl`, with the
 * sandbox's seeded credentials: the operator's part that points the proxy at its Ripio.
 */
export function sandboxAsRipio(ripioUrl: string): Record<string, string> {
  return {
    RIPIO_BASE_URL: ripioUrl,
    RIPIO_CLIENT_ID: SANDBOX_CLIENT_ID,
    RIPIO_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
    RIPIO_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRET,
  };
}
