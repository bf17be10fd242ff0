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
