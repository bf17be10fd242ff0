// `npm run build`'s last step: writes a `.br` (quality 11) and a `.gz` (level 9) beside every
// text asset in dist/, so the proxy serves the smallest encoding without compressing on each
// request (on the fly, brotli runs at a low quality that is no smaller than gzip).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = /\.(js|mjs|css|html|json|svg|map)$/;
// Below this, compression saves less than the extra request headers cost.
const MIN_BYTES = 1024;
// Package entries for Node and bundlers (dist/node, dist/lib), never served to browsers.
const NOT_SERVED = new Set(["node", "lib"]);

/** Every served file below `dir`, as paths. */
function filesIn(dir, top = true) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (top && NOT_SERVED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesIn(path, false) : [path];
  });
}

const dir = process.argv[2] ?? "dist";
let written = 0;
for (const path of filesIn(dir)) {
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
  written += 1;
}
console.log(`precompressed ${written} files in ${dir}/ (.br and .gz)`);
