import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { verifyCustomerToken } from "../../server/protection/identity.ts";

const run = promisify(execFile);
const SECRET = "a-host-backend-secret-of-32-chars!";

// What a host backend written in Node does: plain `node`, no TypeScript loader.
const HOST_BACKEND = `
const { signCustomerToken } = await import("ripio-help-widget/server");
process.stdout.write(await signCustomerToken("cus_demo_alice", process.env.SECRET, 600));
`;

describe("the server entry of the package", () => {
  it("when a plain Node backend imports ripio-help-widget/server, then the token it signs is accepted", async () => {
    expect(existsSync("dist/node/server/index.js"), "run `npm run build` first").toBe(true);
    const { stdout } = await run(
      process.execPath,
      ["--input-type=module", "--eval", HOST_BACKEND],
      { env: { PATH: process.env.PATH ?? "", SECRET } },
    );
    await expect(verifyCustomerToken(stdout, SECRET)).resolves.toBe("cus_demo_alice");
  });
});
