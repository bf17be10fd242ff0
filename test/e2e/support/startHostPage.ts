import { createServer } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";

/** A customer's own site: one page, on an origin of its own. */
export interface HostPage {
  /** The page's origin (what ALLOWED_ORIGINS must list). */
  origin: string;
  /** Sets what `/` answers. */
  setHtml(html: string): void;
  close(): Promise<void>;
}

/** Starts the host site on a free loopback port; its page is set later (it needs the proxy's URL). */
export async function startHostPage(): Promise<HostPage> {
  let html = "<!doctype html><title>Shop</title>";
  const server = createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(html);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setHtml: (next) => void (html = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The page a host backend renders: the loader's script tag with a token it signed. */
export function hostPageHtml(proxyUrl: string, customerToken: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Shop</title></head>
<body>
  <h1>Orders</h1>
  <script src="${proxyUrl}/help-widget.js" async
          data-customer-token="${customerToken}" data-locale="en"></script>
</body>
</html>`;
}
