import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { verifyCustomerToken } from "../../server/protection/identity.ts";
import { signCustomerToken } from "../../widget/token/index.ts";

const run = promisify(execFile);
const SECRET = "a-host-backend-secret-of-32-chars!";

/** What a host backend written in Node does: plain `node`, no TypeScript loader. */
async function signInPlainNode(entry: string): Promise<string> {
  const script = `
const { signCustomerToken } = await import(${JSON.stringify(entry)});
process.stdout.write(await signCustomerToken("cus_demo_alice", process.env.SECRET, 600));
`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "--eval", script], {
    env: { PATH: process.env.PATH ?? "", SECRET },
  });
  return stdout;
}

describe("the packages' Node entries, built", () => {
  it("when a plain Node backend imports ripio-help-widget/token, then the proxy accepts the token it signs", async () => {
    expect(existsSync("widget/dist/token/index.js"), "run `npm run build` first").toBe(true);
    const token = await signInPlainNode("ripio-help-widget/token");
    await expect(verifyCustomerToken(token, SECRET)).resolves.toBe("cus_demo_alice");
  });

  it("when a plain Node backend imports ripio-help-proxy, then its re-exported signer makes the same kind of token", async () => {
    expect(existsSync("server/dist/server/index.js"), "run `npm run build` first").toBe(true);
    const token = await signInPlainNode("ripio-help-proxy");
    await expect(verifyCustomerToken(token, SECRET)).resolves.toBe("cus_demo_alice");
  });

  it("when the widget's token module signs in this process, then the built copy verifies it", async () => {
    const token = await signCustomerToken("cus_demo_bob", SECRET, 60);
    const verify = `
const { verifyCustomerToken } = await import("ripio-help-widget/token");
process.stdout.write(await verifyCustomerToken(process.env.TOKEN, process.env.SECRET));
`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "--eval", verify], {
      env: { PATH: process.env.PATH ?? "", SECRET, TOKEN: token },
    });
    expect(stdout).toBe("cus_demo_bob");
  });
});
