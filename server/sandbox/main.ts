// Entry point of `npm run sandbox`: the only file here with side effects.
import { createSandbox } from "./createSandbox.ts";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_CUSTOMERS } from "./seeds.ts";

const DEFAULT_PORT = 8788;

const rawPort = process.env.SANDBOX_PORT ?? String(DEFAULT_PORT);
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || port > 65_535) {
  console.error(`SANDBOX_PORT must be a port number (0–65535), got ${JSON.stringify(rawPort)}.`);
  process.exit(1);
}

const sandbox = createSandbox();
const url = await sandbox.listen(port, "127.0.0.1");

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

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
