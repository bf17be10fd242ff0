import { basename } from "node:path";
import express, { type Response } from "express";

/** Vite's content-hashed chunks live here: their names change whenever their bytes do. */
const HASHED_PREFIX = "/assets/";

/**
 * The built widget and demo from `dir`. Every file may be used by other sites (the loader
 * `import()`s its chunk cross-origin), so CORP is cross-origin and ACAO `*`; hashed chunks are
 * cached for a year as immutable, the loader and HTML are revalidated on every use.
 */
export function createStaticFiles(dir: string) {
  return express.static(dir, {
    index: "index.html",
    fallthrough: true,
    setHeaders(res: Response, path: string) {
      res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
      res.setHeader("Access-Control-Allow-Origin", "*");
      const url = res.req.path;
      if (url.startsWith(HASHED_PREFIX)) {
        res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      } else if (path.endsWith(".html") || basename(path) === "help-widget.js") {
        res.setHeader("Cache-Control", "no-cache");
      }
    },
  });
}
