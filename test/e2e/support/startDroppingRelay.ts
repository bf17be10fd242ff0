import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { API } from "../../../contract/index.ts";

/** A relay in front of the proxy that loses answers, as a flaky mobile network does. */
export interface DroppingRelay {
  url: string;
  /** How many `POST /api/tickets` answers it dropped. */
  readonly dropped: number;
  close(): Promise<void>;
}

/**
 * Forwards every request to `target` (headers, body and answer as they are, `Host` too, so the
 * proxy still sees its own origin) — except that the answers of the first `dropTickets`
 * `POST /api/tickets` are lost: once the proxy has answered (its ticket made), the browser's
 * connection is reset instead. The browser sees a network error after a successful send.
 */
export async function startDroppingRelay(
  target: string,
  options: { dropTickets?: number } = {},
): Promise<DroppingRelay> {
  const upstream = new URL(target);
  let toDrop = options.dropTickets ?? 1;
  let dropped = 0;

  const relay = (req: IncomingMessage, res: ServerResponse): void => {
    const drop = req.method === "POST" && req.url?.split("?")[0] === API.tickets && toDrop > 0;
    if (drop) toDrop -= 1;
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        if (drop) {
          // The proxy answered (202 or not); the browser never hears of it.
          dropped += 1;
          answer.resume();
          answer.once("end", () => res.socket?.resetAndDestroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    out.on("error", () => res.socket?.destroy());
    req.pipe(out);
  };

  const server = createServer(relay);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
