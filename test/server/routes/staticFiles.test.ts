import { request as httpRequest } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BROWSER_FILES_LIST } from "../../../server/routes/staticFiles.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";

const LOADER = `/* loader */ ${"console.log('help');\n".repeat(300)}`;
const CHUNK = `export const app = ${JSON.stringify("x".repeat(5000))};\n`;

let dir: string;
let server: TestServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "static-files-"));
  mkdirSync(join(dir, "assets"));
  mkdirSync(join(dir, "node", "server"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Gallery</title>");
  writeFileSync(join(dir, "help-widget.js"), LOADER);
  writeFileSync(join(dir, "help-widget.js.br"), brotliCompressSync(LOADER));
  writeFileSync(join(dir, "help-widget.js.gz"), gzipSync(LOADER));
  // A chunk the build only gzipped: brotli clients get the gzip twin.
  writeFileSync(join(dir, "assets", "app-abc123.js"), CHUNK);
  writeFileSync(join(dir, "assets", "app-abc123.js.gz"), gzipSync(CHUNK));
  writeFileSync(join(dir, "node", "server", "index.js"), "export {};");
  mkdirSync(join(dir, "lib"));
  writeFileSync(join(dir, "lib", "index.js"), "export {};");
  writeFileSync(join(dir, "embed-manifest.json"), "{}");
  writeFileSync(join(dir, "assets", "unlisted.js"), "export {};");
  // What `npm run build` lists for browsers (scripts/precompress.mjs).
  const files = ["index.html", "help-widget.js", "help-widget.js.br", "help-widget.js.gz"];
  files.push("assets/app-abc123.js", "assets/app-abc123.js.gz");
  writeFileSync(join(dir, BROWSER_FILES_LIST), JSON.stringify({ files }));
  server = await startTestServer({ staticDir: dir });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, acceptEncoding?: string, method: "GET" | "HEAD" = "GET") {
  const res = await request(`${server.url}${path}`, {
    method,
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body };
}

/** GET with the path sent byte for byte: a URL parser would resolve its dots and slashes first. */
function getRaw(path: string, acceptEncoding: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      hostname,
      port,
      path,
      headers: { "accept-encoding": acceptEncoding },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("latin1") }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("static files, precompressed by the build", () => {
  it("when a browser accepts brotli, then the loader comes as the build's .br with its own type", async () => {
    const res = await get("/help-widget.js", "gzip, deflate, br");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(brotliDecompressSync(res.body).toString()).toBe(LOADER);
  });

  it("when a client prefers gzip by q-value, or takes only gzip, then it gets the .gz", async () => {
    for (const accept of ["br;q=0.5, gzip", "gzip"]) {
      const res = await get("/help-widget.js", accept);
      expect(res.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(res.body).toString()).toBe(LOADER);
    }
  });

  it("when only a gzip twin exists, then a brotli client gets it, cached as immutable", async () => {
    const res = await get("/assets/app-abc123.js?v=1", "br, gzip");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(res.body).toString()).toBe(CHUNK);
  });

  it("when a client accepts no encoding, then the file comes as it is", async () => {
    const res = await get("/help-widget.js", "identity");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe(LOADER);
  });

  it("when a HEAD asks, then it gets the encoded file's headers and no body", async () => {
    const res = await get("/help-widget.js", "br", "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.body.length).toBe(0);
  });

  it("when a path climbs out of the folder or names the Node entry, then nothing is served", async () => {
    expect((await get("/..%2f..%2fetc%2fpasswd", "br")).status).toBe(404);
    expect((await get("/node/server/index.js", "br")).status).toBe(404);
    expect((await get("/", "br")).body.toString()).toContain("<title>Gallery</title>");
  });

  it.each([
    "/%6eode/server/index.js",
    "//node/server/index.js",
    "//lib/index.js",
    "/lib/index.js",
    "/./lib/index.js",
    "/assets/../lib/index.js",
    "/assets/%2e%2e/lib/index.js",
    "/%2e%2e/",
    "/embed-manifest.json",
    "/browser-files.json",
    "/assets/unlisted.js",
    "/assets/",
    "/HELP-WIDGET.JS",
  ])(
    "when %s is asked for, however encoded, then only the build's list counts: 404",
    async (path) => {
      for (const accept of ["br", "identity"]) {
        const res = await getRaw(path, accept);
        expect(res.status).toBe(404);
        expect(res.body).not.toContain("export {}");
      }
    },
  );

  it("when a listed file is asked for with its name percent-encoded, then it is that file", async () => {
    const res = await get("/help%2Dwidget.js", "identity");
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(LOADER);
  });
});
