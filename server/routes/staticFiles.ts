import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import express, { Router, type NextFunction, type Request, type Response } from "express";

/** Vite's content-hashed chunks live here: their names change whenever their bytes do. */
const HASHED_PREFIX = "/assets/";
/** Written by `npm run build` (scripts/precompress.mjs): every file published for browsers. */
export const BROWSER_FILES_LIST = "browser-files.json";
/** What `npm run build` precompresses (scripts/precompress.mjs), best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/**
 * The build's list of files for browsers, as URL paths (`/help-widget.js`). A missing or
 * unreadable list publishes nothing: the proxy then serves its API alone.
 */
export function readBrowserFiles(dir: string): ReadonlySet<string> {
  try {
    const list = JSON.parse(readFileSync(join(dir, BROWSER_FILES_LIST), "utf8")) as unknown;
    const files = (list as { files?: unknown }).files;
    if (!Array.isArray(files)) return new Set();
    return new Set(files.filter((f): f is string => typeof f === "string").map((f) => `/${f}`));
  } catch {
    return new Set();
  }
}

/**
 * The listed file a request path names, or null. The path is decoded once and must then be a
 * listed path exactly: `//lib/index.js`, `/%6eode/server/config.js`, `/assets/../node/x` or
 * `/%2e%2e/` name nothing listed, so nothing else in the folder is ever reachable.
 */
function listedFile(path: string, files: ReadonlySet<string>): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.endsWith("/")) decoded += "index.html";
  return files.has(decoded) ? decoded : null;
}

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
 * Lets through only GET/HEAD of a listed file, its URL rewritten to that file's own path, and
 * picks the build's `.br` or `.gz` twin when the client accepts that encoding (by its
 * q-values) and the twin is listed; the `compression` middleware leaves an answer that already
 * has a Content-Encoding alone.
 */
function pickListedFile(files: ReadonlySet<string>) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.method !== "GET" && req.method !== "HEAD") return next("router");
    const path = listedFile(req.path, files);
    if (path === null) return next("router");
    const query = req.url.indexOf("?");
    const search = query === -1 ? "" : req.url.slice(query);
    const encoding = acceptedEncodings(req.get("accept-encoding")).find((e) =>
      files.has(path + e.suffix),
    );
    if (encoding) chosen.set(req, { encoding: encoding.name, original: path });
    req.url = (encoding ? path + encoding.suffix : path) + search;
    next();
  };
}

/**
 * The built widget and demo from `dir`: only the files the build lists for browsers (the
 * loader, the app and locale chunks, the gallery and its assets, their twins), precompressed
 * where the build made it so. Every file may be used by other sites (the loader `import()`s
 * its chunk cross-origin), so CORP is cross-origin and ACAO `*`; hashed chunks are cached for
 * a year as immutable, the loader and HTML are revalidated on every use.
 */
export function createStaticFiles(dir: string): Router {
  const router = Router();
  router.use(pickListedFile(readBrowserFiles(dir)));
  router.use(
    express.static(dir, {
      index: false,
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
