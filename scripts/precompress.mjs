// `npm run build`'s last steps, once per folder of browser files (widget/dist, the gallery in
// server/dist/gallery). Writes a `.br` (quality 11) and a `.gz` (level 9) beside every
// text asset in the folder, so the proxy serves the smallest encoding without compressing on each
// request (on the fly, brotli runs at a low quality that is no smaller than gzip). Then lists
// every file published for browsers, twins included, in its browser-files.json: the proxy
// serves those paths and nothing else (server/routes/staticFiles.ts), so whatever else lands
// in the folder stays private however a URL is spelled.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = /\.(js|mjs|css|html|json|svg|map)$/;
// Below this, compression saves less than the extra request headers cost.
const MIN_BYTES = 1024;
// Package entries for Node and bundlers (widget/dist/lib, widget/dist/token), never served to
// browsers.
const NOT_SERVED = new Set(["lib", "token"]);
// Build metadata: read by the build itself (the loader learns its chunk's name from it).
const BUILD_ONLY = /(^|-)manifest\.json$/;
const LIST = "browser-files.json";

/** Every file for browsers below `dir`, as paths. */
function filesIn(dir, top = true) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (top && (NOT_SERVED.has(entry.name) || BUILD_ONLY.test(entry.name))) return [];
    if (top && entry.name === LIST) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesIn(path, false) : [path];
  });
}

const dir = process.argv[2] ?? "dist";
let written = 0;
const published = [];
for (const path of filesIn(dir)) {
  if (path.endsWith(".br") || path.endsWith(".gz")) continue; // a previous run's twins
  published.push(path);
  if (!TEXT.test(path) || statSync(path).size < MIN_BYTES) continue;
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  published.push(`${path}.br`, `${path}.gz`);
  written += 1;
}
const files = published.map((path) => relative(dir, path).split(sep).join("/")).sort();
writeFileSync(join(dir, LIST), `${JSON.stringify({ files }, null, 2)}\n`);
console.log(
  `precompressed ${written} files in ${dir}/ (.br and .gz); ${files.length} listed in ${LIST}`,
);
