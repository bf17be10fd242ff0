import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
};

/**
 * The host app's server: `/` is the built index.html with the server-rendered app and the
 * props it was rendered with put in (what a Next.js or Remix server does), anything else a
 * file of the build.
 */
export async function serveApp(
  distDir: string,
  renderPage: () => { html: string; props: unknown },
): Promise<{ url: string; close(): Promise<void> }> {
  const template = await readFile(join(distDir, "index.html"), "utf8");
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/") {
      const { html, props } = renderPage();
      const page = template
        .replace("<!--app-html-->", html)
        .replace(
          "</head>",
          `<script>window.__APP_PROPS__=${JSON.stringify(props).replace(/</g, "\\u003c")}</script></head>`,
        );
      res.writeHead(200, { "content-type": TYPES[".html"] }).end(page);
      return;
    }
    const file = normalize(join(distDir, path));
    if (!file.startsWith(distDir)) return void res.writeHead(404).end();
    readFile(file).then(
      (bytes) =>
        res
          .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
          .end(bytes),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
