import { existsSync } from "node:fs";
import { basename, join, normalize, sep } from "node:path";
import express, { Router, type NextFunction, type Request, type Response } from "express";

/** Vite's content-hashed chunks live here: their names change whenever their bytes do. */
const HASHED_PREFIX = "/assets/";
/** Package entries for Node and bundlers: in dist/, but not for browsers. */
const NOT_SERVED = /^\/(node|lib)(\/|$)/;
/** What `npm run build` precompresses (scripts/precompress.mjs), best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/**
 * The build's encodings the client accepts, by its q-values, ties in our order (browsers list
 * `gzip, deflate, br`, all at q=1, and brotli is the smaller).
 */
function acceptedEncodings(header: string | undefined): (typeof ENCODINGS)[number][] {
  const quality = new Map<string, number>();
  for (const item of (header ?? "").split(",")) {
    const [name = "", ...params] = item.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    quality.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const q = (name: string): number => quality.get(name) ?? quality.get("*") ?? 0;
  return ENCODINGS.filter((e) => q(e.name) > 0).sort((a, b) => q(b.name) - q(a.name));
}

interface Precompressed {
  encoding: string;
  /** The path asked for, whose type the answer has. */
  original: string;
}
const chosen = new WeakMap<Request, Precompressed>();

/**
 * Answers with the build's `.br` or `.gz` twin of the file asked for when the client accepts
 * that encoding (by its q-values) and the twin exists; the `compression` middleware leaves an
 * answer that already has a Content-Encoding alone.
 */
function pickPrecompressed(dir: string) {
  const root = normalize(dir + sep);
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next(); // express.static answers a malformed path
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return next();
    const encoding = acceptedEncodings(req.get("accept-encoding")).find((e) =>
      existsSync(file + e.suffix),
    );
    if (!encoding) return next();
    chosen.set(req, { encoding: encoding.name, original: path });
    const query = req.url.indexOf("?");
    req.url = path + encoding.suffix + (query === -1 ? "" : req.url.slice(query));
    next();
  };
}

/**
 * The built widget and demo from `dir`, precompressed where the build made it so. Every file
 * may be used by other sites (the loader `import()`s its chunk cross-origin), so CORP is
 * cross-origin and ACAO `*`; hashed chunks are cached for a year as immutable, the loader and
 * HTML are revalidated on every use.
 */
export function createStaticFiles(dir: string): Router {
  const router = Router();
  router.use((req, _res, next) => (NOT_SERVED.test(req.path) ? next("router") : next()));
  router.use(pickPrecompressed(dir));
  router.use(
    express.static(dir, {
      index: "index.html",
      fallthrough: true,
      setHeaders(res: Response, path: string) {
        const twin = chosen.get(res.req);
        // The file the client asked for: the original of a twin, else the one being sent.
        const file = twin?.original ?? path;
        res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.setHeader("Vary", "Accept-Encoding");
        if (twin) {
          res.setHeader("Content-Encoding", twin.encoding);
          res.type(basename(twin.original));
        }
        if ((twin?.original ?? res.req.path).startsWith(HASHED_PREFIX)) {
          res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        } else if (file.endsWith(".html") || basename(file) === "help-widget.js") {
          res.setHeader("Cache-Control", "no-cache");
        }
      },
    }),
  );
  return router;
}
