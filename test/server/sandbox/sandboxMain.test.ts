import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { ConfigError, loadSandboxConfig } from "../../../server/config.ts";
import { SANDBOX_CUSTOMERS } from "../../../server/sandbox/seeds.ts";

// The last line the entry prints once it listens: the last seeded customer.
const LAST_LINE = SANDBOX_CUSTOMERS.at(-1)?.customerId ?? "Customers:";

/** Runs `npm run sandbox`'s entry with `env`, until it has printed everything or exits. */
async function runSandboxMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/sandbox/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const listening = new Promise<void>((resolve) => {
    child.stdout.on("data", () => {
      if (stdout.includes(LAST_LINE)) resolve();
    });
  });
  const first = await Promise.race([exited.then(() => "exit" as const), listening]);
  if (first !== "exit") {
    child.kill("SIGTERM");
    await exited;
  }
  return { code: await exited, stdout, stderr };
}

describe("npm run sandbox", () => {
  it("when SANDBOX_PORT is 0, then the simulator prints its URL and seeds and stops on SIGTERM", async () => {
    const { code, stdout } = await runSandboxMain({ SANDBOX_PORT: "0" });
    expect(stdout).toMatch(/Ripio sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain("sandbox-client / sandbox-secret");
    expect(stdout).toContain("cus_no_email");
    expect(code).toBe(0);
  });

  it("when SANDBOX_PORT is not a port, then it refuses to start and names the key", async () => {
    const { code, stderr } = await runSandboxMain({ SANDBOX_PORT: "70000" });
    expect(code).toBe(1);
    expect(stderr).toContain("SANDBOX_PORT: must be at most 65535");
  });

  it("when SANDBOX_PORT is unset or empty, then the default port 8788 is used", () => {
    expect(loadSandboxConfig({})).toEqual({ port: 8788 });
    expect(loadSandboxConfig({ SANDBOX_PORT: "" })).toEqual({ port: 8788 });
    expect(() => loadSandboxConfig({ SANDBOX_PORT: "http" })).toThrow(ConfigError);
  });
});
