import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import type { BuildEnvironmentOptions } from "vite";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";

/*
 * One config for the builds and for Vitest. `npm run build` runs the modes in order:
 *   embed  → dist/assets/help-widget-app-[hash].js: React + the widget, loaded on first open
 *   loader → dist/help-widget.js: the few-KB script tag, with the app chunk's path baked in
 *   (default) → the demo gallery (index.html) into dist/
 *   lib    → dist/lib/: the React component export, React left to the host app
 */
const EMBED_MANIFEST = "embed-manifest.json";
const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

function appChunkPath(): string {
  const manifest = JSON.parse(readFileSync(`dist/${EMBED_MANIFEST}`, "utf8")) as Record<
    string,
    { file: string }
  >;
  const entry = manifest["widget/embed/mountApp.tsx"];
  if (!entry) throw new Error("Build the embed first: `vite build --mode embed`.");
  return entry.file;
}

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

const builds: Record<string, () => BuildEnvironmentOptions> = {
  embed: () => ({
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
  }),
  loader: () => ({
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
    outDir: "dist/lib",
    lib: { entry: "widget/index.ts", formats: ["es"], fileName: () => "index.js" },
    rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] },
  }),
  production: () => ({ emptyOutDir: false }),
};

export default defineConfig(({ command, mode }) => ({
  plugins: [react(), ...(mode === "embed" ? [lazyCatalogue()] : [])],
  // react-dropzone's file aggregator, without its 11 KB MIME table (see the file's comment).
  resolve: { alias: { "file-selector": "/widget/attachments/filesFromEvent.ts" } },
  define: {
    __VERSION__: JSON.stringify(version),
    ...(command === "build"
      ? {
          // Library builds otherwise leave process.env.NODE_ENV in the output (DESIGN.md pitfalls).
          "process.env.NODE_ENV": JSON.stringify("production"),
          __APP_CHUNK__: JSON.stringify(mode === "loader" ? appChunkPath() : ""),
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
          name: "node",
          environment: "node",
          include: [
            "test/contract/**/*.test.ts",
            "test/server/**/*.test.ts",
            "test/lint/**/*.test.ts",
          ],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "widget",
          environment: "jsdom",
          include: ["test/widget/**/*.test.{ts,tsx}"],
          setupFiles: ["test/widget/setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll gives up after 1 s by default: too soon on a busy machine.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
}));
