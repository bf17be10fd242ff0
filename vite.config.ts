import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// One config for the builds (see `npm run build`) and for Vitest.
// Build modes: default → the app chunk(s) and demo; "loader" → dist/help-widget.js; "lib" → the React export.
export default defineConfig(({ command }) => ({
  plugins: [react()],
  // Library builds otherwise leave process.env.NODE_ENV in the output (DESIGN.md pitfalls).
  ...(command === "build"
    ? { define: { "process.env.NODE_ENV": JSON.stringify("production") } }
    : {}),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["test/contract/**/*.test.ts", "test/server/**/*.test.ts"],
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
        },
      },
    ],
  },
}));
