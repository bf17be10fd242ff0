import { readFileSync } from "node:fs";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import type { BuildEnvironmentOptions } from "vite";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";

/*
 * One config for the builds and for Vitest. `npm run build` runs the modes in order; what a
 * package publishes is built inside its own folder (npm packs the workspace folder):
 *   embed  → widget/dist/assets/help-widget-app-[hash].js: the widget on preact/compat
 *   loader → widget/dist/help-widget.js: the few-KB script tag, the app chunk's path baked in
 *   (default) → the demo gallery (index.html) into server/dist/gallery/, on React: the proxy
 *            package serves it in sandbox mode
 *   lib    → widget/dist/lib/: the React component export, React left to the host app
 * `embed-react` is `embed` on React; only `npm run bench` builds it (the "before" figures).
 */
const EMBED_MANIFEST = "embed-manifest.json";
/** Where the widget package's files are built (its `files`, what `npm pack` takes). */
const WIDGET_DIST = "widget/dist";
const version = (JSON.parse(readFileSync("widget/package.json", "utf8")) as { version: string })
  .version;

/** The loader build bakes in the app chunk's path, from the embed manifest in its own outDir. */
function appChunkPath(): Plugin {
  return {
    name: "ripio-app-chunk-path",
    // Runs after `--outDir` is merged in, so the bench's React variant finds its own manifest.
    config(config) {
      const outDir = config.build?.outDir ?? WIDGET_DIST;
      const manifest = JSON.parse(readFileSync(`${outDir}/${EMBED_MANIFEST}`, "utf8")) as Record<
        string,
        { file: string }
      >;
      const entry = manifest["widget/embed/mountApp.tsx"];
      if (!entry) throw new Error("Build the embed first: `vite build --mode embed`.");
      return { define: { __APP_CHUNK__: JSON.stringify(entry.file) } };
    },
  };
}

/**
 * The script tag's runtime: React's API on Preact (half the first-open bytes). The widget stays
 * React code; `preact/compat` stands in for every React entry it or its libraries import. The
 * widget-preact test project runs the jsdom suite through the same aliases.
 */
const PREACT_COMPAT_ALIASES = [
  { find: /^react$/, replacement: "preact/compat" },
  { find: /^react-dom$/, replacement: "preact/compat" },
  { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
  { find: /^react-dom\/test-utils$/, replacement: "preact/test-utils" },
  // The compat twins import preact/compat first, so its props and event normalisation is on.
  { find: /^react\/jsx-runtime$/, replacement: "preact/compat/jsx-runtime" },
  { find: /^react\/jsx-dev-runtime$/, replacement: "preact/compat/jsx-dev-runtime" },
];

/** In the embed build, messages/catalogue.ts becomes embed/lazyCatalogue.ts (one locale a chunk). */
function lazyCatalogue(): Plugin {
  return {
    name: "ripio-lazy-catalogue",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!source.endsWith("/catalogue.ts")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id.endsWith("/widget/messages/catalogue.ts")
        ? resolved.id.replace(/messages\/catalogue\.ts$/, "embed/lazyCatalogue.ts")
        : resolved;
    },
  };
}

const embed = (): BuildEnvironmentOptions => ({
  outDir: WIDGET_DIST,
  emptyOutDir: true,
  manifest: EMBED_MANIFEST,
  rollupOptions: {
    input: { "help-widget-app": "widget/embed/mountApp.tsx" },
    // Not "strict": the lazy chunks (capture/) import React and the messages from this one;
    // "strict" forbids the entry those extra exports, so the bundler moved everything shared
    // into a third chunk the first open had to fetch as well.
    preserveEntrySignatures: "allow-extension",
    output: {
      entryFileNames: "assets/[name]-[hash].js",
      chunkFileNames: "assets/help-widget-[name]-[hash].js",
      format: "es",
    },
  },
});
const isEmbed = (mode: string): boolean => mode === "embed" || mode === "embed-react";

const builds: Record<string, () => BuildEnvironmentOptions> = {
  embed,
  "embed-react": embed,
  loader: () => ({
    outDir: WIDGET_DIST,
    emptyOutDir: false,
    lib: {
      entry: "widget/loader/loader.ts",
      formats: ["iife"],
      name: "RipioHelpLoader",
      fileName: () => "help-widget.js",
    },
  }),
  lib: () => ({
    emptyOutDir: false,
    outDir: `${WIDGET_DIST}/lib`,
    lib: { entry: "widget/index.ts", formats: ["es"], fileName: () => "index.js" },
    rollupOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/],
      output: {
        // A Next.js App Router page (a Server Component) may render <HelpWidget> directly.
        banner: (chunk) => (chunk.isEntry ? '"use client";' : ""),
        // The form, imported on intent (app/createHelpWidget.tsx), under a name that says so.
        chunkFileNames: "[name]-[hash].js",
      },
    },
  }),
  production: () => ({ outDir: "server/dist/gallery", emptyOutDir: true }),
};

/** Widget tests that drive a real proxy (over loopback, in a child process): integration tier. */
const WIDGET_WITH_PROXY = "test/widget/withProxy/**/*.test.{ts,tsx}";

/** The jsdom widget suite, run on React ("widget") and on preact/compat ("widget-preact"). */
const widgetTests = {
  environment: "jsdom",
  include: ["test/widget/**/*.test.{ts,tsx}"],
  // ripio-help-widget/token runs in host backends and ssr/ renders on the server, on Node:
  // the unit tier runs them there (React only: the script tag never renders on a server).
  // The ticket flow's core has no DOM and no framework: its tests run once, in Node.
  // The tests with a real proxy are the integration tier's ("widget-proxy" projects).
  exclude: [...configDefaults.exclude, "test/widget/{token,ssr,core}/**", WIDGET_WITH_PROXY],
  setupFiles: ["test/widget/setup.ts"],
  testTimeout: 30_000,
  // Unit tests use fake clients; startTestServer.ts refuses a proxy here (in any process).
  env: { RIPIO_TEST_TIER: "unit" },
  // One window for the files of a worker: jsdom and React load once, not per file (test/widget/
  // setup.ts empties the page and the session before each file).
  isolate: false,
};
/** The same jsdom set-up for the widget's tests against a real proxy. */
const widgetProxyTests = {
  ...widgetTests,
  include: [WIDGET_WITH_PROXY],
  exclude: [...configDefaults.exclude],
  env: { RIPIO_TEST_TIER: "integration" },
  isolate: true,
};

/*
 * Test tiers (README.md, "Development"), by folder: `npm run test:unit` runs "unit", "widget"
 * and "widget-preact" (no server, fake clients); `test:integration` the real proxy, sandbox and
 * stores over loopback (Redis included), and the widget against a real proxy on both runtimes;
 * `test:e2e` Chromium and nginx on the build, then the packed packages installed outside the
 * repository ("packages"). `npm test` runs them all.
 */
const INTEGRATION_TESTS = [
  "test/server/{routes,sandbox,replicas,store,metrics}/**/*.test.ts",
  "test/server/{networkClosed,serverModes,shutdown}.test.ts",
  "test/server/http/{abortFanout,bodyDeadline,errorCodes,requestContext}.test.ts",
  "test/server/protection/{identity,protection,trustProxy}.test.ts",
  "test/server/upload/{lineBreaks,parserFuzz,partWithoutType,uploadLimits,uploadsInFlight}.test.ts",
  "test/server/upstream/upstream.test.ts",
];
/** Node-side tests that start no server: the exceptions above run in "integration". */
const UNIT_TESTS = [
  "test/contract/**/*.test.ts",
  "test/lint/**/*.test.ts",
  "test/server/**/*.test.ts",
  "test/widget/{token,ssr,core}/**/*.test.{ts,tsx}",
];
const nodeTests = {
  environment: "node",
  setupFiles: ["test/support/closeNetwork.ts"],
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

/** Every dependency that imports React; left to Node, they would load React beside Preact. */
const REACT_LIBRARIES = [
  /@tanstack\/react-query/,
  /react-hook-form/,
  /react-dropzone/,
  /@testing-library\/react/,
];

/** A jsdom suite again on the script tag's runtime: what differs is a widget bug. */
function onPreact(name: string, tests: typeof widgetTests): TestProjectInlineConfiguration {
  return {
    extends: true,
    resolve: {
      alias: [
        ...PREACT_COMPAT_ALIASES,
        // Its ESM build: Node's require() in the CommonJS one would not see the aliases.
        {
          find: /^@testing-library\/react$/,
          replacement: "@testing-library/react/dist/@testing-library/react.esm.js",
        },
      ],
    },
    test: {
      name,
      ...tests,
      // Libraries that import React run through Vite too, so the aliases reach them.
      server: { deps: { inline: REACT_LIBRARIES } },
    },
  };
}

export default defineConfig(({ command, mode }) => ({
  plugins: [
    react(),
    ...(isEmbed(mode) ? [lazyCatalogue()] : []),
    ...(command === "build" && mode === "loader" ? [appChunkPath()] : []),
  ],
  resolve: {
    alias: [
      // react-dropzone's file aggregator, without its 11 KB MIME table (see the file's comment).
      { find: "file-selector", replacement: "/widget/attachments/filesFromEvent.ts" },
      ...(mode === "embed" ? PREACT_COMPAT_ALIASES : []),
    ],
  },
  define: {
    __VERSION__: JSON.stringify(version),
    ...(command === "build"
      ? {
          // Library builds otherwise leave process.env.NODE_ENV in the output (docs/architecture.md, "Pitfalls").
          "process.env.NODE_ENV": JSON.stringify("production"),
          // The loader's is set by appChunkPath(); no other build reads it.
          ...(mode === "loader" ? {} : { __APP_CHUNK__: JSON.stringify("") }),
        }
      : { __APP_CHUNK__: JSON.stringify("/widget/embed/mountApp.tsx") }),
  },
  build: { target: "es2022", ...builds[mode]?.() },
  server: {
    // `npm run dev`: the widget from Vite, the API from the proxy started by `npm start`.
    proxy: {
      "/api": "http://localhost:8787",
      "/demo": "http://localhost:8787",
      "/__sandbox": "http://localhost:8787",
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          ...nodeTests,
          include: UNIT_TESTS,
          // Files share a worker (no server, no module state worth a fresh import each): a
          // third of the time. Starting a proxy here is refused (startTestServer.ts).
          isolate: false,
          env: { RIPIO_TEST_TIER: "unit" },
          exclude: [...configDefaults.exclude, ...INTEGRATION_TESTS],
        },
      },
      { extends: true, test: { name: "integration", ...nodeTests, include: INTEGRATION_TESTS } },
      { extends: true, test: { name: "widget", ...widgetTests } },
      onPreact("widget-preact", widgetTests),
      { extends: true, test: { name: "widget-proxy", ...widgetProxyTests } },
      onPreact("widget-proxy-preact", widgetProxyTests),
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          setupFiles: ["test/support/closeNetwork.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll gives up after 1 s by default: too soon on a busy machine.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        // Packs both packages and installs them in temporary folders, as users do: slow.
        extends: true,
        test: {
          name: "packages",
          environment: "node",
          include: ["test/packages/**/*.test.ts"],
          testTimeout: 600_000,
          // The installs: better-sqlite3 compiles from source where no prebuilt binary can be
          // fetched, minutes on a busy two-core machine.
          hookTimeout: 1_500_000,
          fileParallelism: false,
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
}));
