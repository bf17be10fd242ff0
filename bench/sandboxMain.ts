// Entry for the bench's sandbox child process: like `npm run sandbox`, but with the webhook
// secret the bench gives the proxy (the default one is shorter than the proxy accepts in
// real mode), and it prints the line the tests' harness waits for (test/support/proxy/spawnProxy.ts).
import { createSandbox } from "../server/sandbox/createSandbox.ts";

const sandbox = createSandbox({
  ...(process.env.BENCH_WEBHOOK_SECRET ? { webhookSecret: process.env.BENCH_WEBHOOK_SECRET } : {}),
});
const url = await sandbox.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
console.log(`Ripio sandbox listening on ${url}/`);

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
