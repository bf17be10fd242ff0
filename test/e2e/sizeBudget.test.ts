import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { SIZE_BUDGETS, bundleSizes, type BundleSizes } from "../../bench/measureSizes.ts";
import { DIST_DIR, requireBuild } from "./support/requireBuild.ts";

// The same measurement `npm run bench` reports (bench/measureSizes.ts), so the two never disagree.
let sizes: BundleSizes;

beforeAll(() => {
  requireBuild();
  sizes = bundleSizes(DIST_DIR);
});

describe("the size budget (gzip, as served)", () => {
  it(`when the loader is built, then it is at most ${SIZE_BUDGETS.loaderGzipBytes} bytes`, () => {
    expect(sizes.loaderGzip).toBeLessThanOrEqual(SIZE_BUDGETS.loaderGzipBytes);
  });

  it(`when the widget is first opened, then what it loads is at most ${SIZE_BUDGETS.appGzipBytes} bytes`, () => {
    expect(
      sizes.appGzip,
      `first open loads ${sizes.appFiles.join(", ")}: ${sizes.appGzip} bytes gzip`,
    ).toBeLessThanOrEqual(SIZE_BUDGETS.appGzipBytes);
  });
});

describe("the precompressed assets (what brotli and gzip clients are served)", () => {
  it("when the build is done, then the loader and each first-open file have .br and .gz twins of the same bytes", () => {
    for (const file of ["help-widget.js", ...sizes.appFiles]) {
      const original = readFileSync(join(DIST_DIR, file));
      expect(brotliDecompressSync(readFileSync(join(DIST_DIR, `${file}.br`))), file).toEqual(
        original,
      );
      expect(gunzipSync(readFileSync(join(DIST_DIR, `${file}.gz`))), file).toEqual(original);
    }
  });
});
