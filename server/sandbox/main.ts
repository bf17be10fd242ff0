// Entry point of `npm run sandbox`: the only file here with side effects.
import { ConfigError, loadSandboxConfig } from "../config.ts";
import { createSandbox } from "./createSandbox.ts";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_CUSTOMERS } from "./seeds.ts";

let port: number;
try {
  port = loadSandboxConfig(process.env).port;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const sandbox = createSandbox();
const url = await sandbox.listen(port, "127.0.0.1");
// Before the URL is printed: whoever acts on it may signal at once, and a signal with no
// listener yet would kill the process outright.
const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);

console.log(`Ripio sandbox listening on ${url}`);
console.log(
  `  OAuth client:  ${SANDBOX_CLIENT_ID} / ${SANDBOX_CLIENT_SECRET}  (POST ${url}/oauth2/token/)`,
);
console.log(`  Tickets:       ${url}/api/v1/supportTickets/`);
console.log(`  Control:       ${url}/__sandbox/state`);
console.log("  Customers:");
for (const { customerId, email } of SANDBOX_CUSTOMERS) {
  console.log(`    ${customerId.padEnd(16)} ${email ?? "(no email)"}`);
}
