import { once } from "node:events";
import { createServer } from "node:net";

/** A loopback port that was free a moment ago (for a child process that binds it itself). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}
