import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import { layersRule } from "./eslint/layersRule.js";

/*
 * The layout's layers: each folder, and what it may import besides itself. Lower layers never
 * import higher ones; widget ↛ server, server ↛ widget, contract imports nothing of ours.
 * A folder missing from the table is unchecked, so a new folder is added here on purpose.
 */
const LAYERS = {
  contract: [],
  // The proxy, lowest first. config.ts is a leaf every layer may read.
  "server/config.ts": ["contract"],
  "server/http": ["contract", "server/config.ts"],
  "server/metrics": ["contract", "server/config.ts"],
  "server/protection": ["contract", "server/config.ts", "server/http"],
  "server/upload": ["contract", "server/config.ts", "server/http"],
  "server/upstream": ["contract", "server/config.ts", "server/http"],
  "server/tickets": ["contract", "server/config.ts", "server/http", "server/upstream"],
  "server/routes": [
    "contract",
    "server/config.ts",
    "server/http",
    "server/protection",
    "server/upload",
    "server/upstream",
    "server/tickets",
    "server/metrics",
  ],
  // The composition root (main, startServer, createApp, index) may import every layer.
  server: [
    "contract",
    "server/config.ts",
    "server/http",
    "server/protection",
    "server/upload",
    "server/upstream",
    "server/tickets",
    "server/routes",
    "server/metrics",
    "server/sandbox",
  ],
  // The simulator is a separate service: nothing of the proxy; its API never imports control.
  // Its entry (main.ts) reads SANDBOX_PORT through the one config module.
  "server/sandbox": [
    "contract",
    "server/config.ts",
    "server/sandbox/api",
    "server/sandbox/control",
  ],
  "server/sandbox/api": ["contract", "server/sandbox"],
  "server/sandbox/control": ["contract", "server/sandbox", "server/sandbox/api"],
  // The widget, lowest first.
  "widget/messages": ["contract"],
  "widget/storage": ["contract"],
  "widget/api": ["contract"],
  "widget/ui": ["contract", "widget/messages", "widget/api"],
  "widget/identity": ["contract", "widget/api", "widget/storage"],
  // Screen capture: the buttons always loaded, the editor and recorder a lazy chunk.
  "widget/capture": ["contract", "widget/messages", "widget/ui", "widget/shell"],
  "widget/attachments": [
    "contract",
    "widget/messages",
    "widget/api",
    "widget/ui",
    "widget/capture",
  ],
  "widget/form": [
    "contract",
    "widget/messages",
    "widget/api",
    "widget/ui",
    "widget/storage",
    "widget/attachments",
  ],
  "widget/status": ["contract", "widget/messages", "widget/api", "widget/ui", "widget/storage"],
  "widget/shell": ["contract", "widget/messages", "widget/ui"],
  "widget/app": [
    "contract",
    "widget/messages",
    "widget/api",
    "widget/ui",
    "widget/storage",
    "widget/identity",
    "widget/attachments",
    "widget/form",
    "widget/status",
    "widget/shell",
  ],
  // Entries: the script-tag app, the tiny loader (no React; its size is budgeted), the gallery.
  "widget/embed": [
    "contract",
    "widget/messages",
    "widget/app",
    "widget/shell",
    "widget/attachments",
  ],
  "widget/loader": ["contract", "widget/messages", "widget/app", "widget/embed", "widget/shell"],
  "widget/demo": [
    "contract",
    "widget/messages",
    "widget/app",
    "widget/shell",
    "widget/attachments",
    "widget/form",
    "widget/status",
    "widget/api",
    "widget/ui",
  ],
  widget: ["contract", "widget/messages", "widget/api", "widget/ui", "widget/app", "widget/shell"],
};

const REACT_PACKAGES = ["react", "react-dom", "react-dom/*", "react/*", "@tanstack/*", "react-*"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "screenshots/**", "test-results/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { local: { rules: { layers: layersRule } } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "local/layers": ["error", LAYERS],
    },
  },
  {
    // Plain JS config and scripts are outside the TypeScript project.
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["widget/**/*.{ts,tsx}", "test/widget/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Wings: widget ↛ server, server ↛ widget (the layers rule covers relative paths; this
    // covers the package's own name and absolute spellings too).
    files: ["widget/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**", "**/server"] }] },
  },
  {
    files: ["widget/api/**", "widget/loader/**", "widget/messages/**"],
    ignores: ["widget/messages/useMessages.ts", "widget/messages/MessagesContext.ts"],
    rules: {
      // The API client, the loader and the catalogue are React-free.
      "no-restricted-imports": [
        "error",
        { patterns: ["**/server/**", "**/server", ...REACT_PACKAGES] },
      ],
    },
  },
  {
    files: ["server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/widget/**", "**/widget"] }] },
  },
  {
    files: ["contract/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/server/**", "**/widget/**", "node:*", "react", "react-dom"] },
      ],
    },
  },
);
