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
  // Errors the domain throws (store, upstream client) and the HTTP edge maps to answers.
  "server/domain": ["contract"],
  "server/http": ["contract", "server/config.ts", "server/domain"],
  "server/metrics": ["contract", "server/config.ts"],
  "server/protection": ["contract", "server/config.ts", "server/http"],
  "server/upload": ["contract", "server/config.ts", "server/http"],
  "server/upstream": ["contract", "server/config.ts", "server/http", "server/domain"],
  "server/tickets": [
    "contract",
    "server/config.ts",
    "server/http",
    "server/domain",
    "server/upload",
    "server/upstream",
  ],
  // The engines behind the tickets/ contract: memory, SQLite, Redis.
  "server/store": [
    "contract",
    "server/config.ts",
    "server/http",
    "server/domain",
    "server/tickets",
  ],
  "server/routes": [
    "contract",
    "server/config.ts",
    "server/http",
    "server/domain",
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
    "server/domain",
    "server/protection",
    "server/upload",
    "server/upstream",
    "server/tickets",
    "server/routes",
    "server/metrics",
    "server/store",
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
  // `ripio-help-widget/token`, for host backends: node:crypto alone, nothing of ours.
  "widget/token": [],
  "widget/ui": ["contract", "widget/messages", "widget/api"],
  "widget/identity": ["contract", "widget/api", "widget/storage"],
  // The ticket flow with no framework in it (createTicketFlow); the views bind to it.
  "widget/core": ["contract", "widget/api", "widget/storage"],
  // Screen capture: the buttons always loaded, the editor and recorder a lazy chunk.
  "widget/capture": ["contract", "widget/messages", "widget/ui", "widget/shell", "widget/core"],
  "widget/attachments": [
    "contract",
    "widget/core",
    "widget/messages",
    "widget/api",
    "widget/ui",
    "widget/capture",
  ],
  // Technical details: gathered at Send, shown in the form; the CSS joins the one stylesheet.
  "widget/context": ["contract", "widget/messages", "widget/ui", "widget/storage"],
  "widget/form": [
    "widget/context",
    "contract",
    "widget/core",
    "widget/messages",
    "widget/api",
    "widget/ui",
    "widget/storage",
    "widget/attachments",
  ],
  "widget/status": [
    "contract",
    "widget/messages",
    "widget/api",
    "widget/ui",
    "widget/storage",
    "widget/core",
  ],
  "widget/shell": ["contract", "widget/messages", "widget/ui", "widget/context"],
  // The customer's list: its switch always loaded, its view a lazy chunk.
  "widget/history": ["contract", "widget/messages", "widget/api", "widget/ui", "widget/shell"],
  "widget/app": [
    "widget/context",
    "contract",
    "widget/core",
    "widget/messages",
    "widget/api",
    "widget/ui",
    "widget/storage",
    "widget/identity",
    "widget/attachments",
    "widget/form",
    "widget/status",
    "widget/shell",
    "widget/history",
  ],
  // Entries: the script-tag app, the tiny loader (no React; its size is budgeted), the gallery.
  "widget/embed": [
    "contract",
    "widget/core",
    "widget/storage",
    "widget/messages",
    "widget/app",
    "widget/shell",
    "widget/attachments",
  ],
  "widget/loader": [
    "contract",
    "widget/messages",
    "widget/app",
    "widget/embed",
    "widget/shell",
    "widget/storage",
  ],
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
    "widget/history",
  ],
  widget: [
    "contract",
    "widget/messages",
    "widget/api",
    "widget/ui",
    "widget/app",
    "widget/shell",
    "widget/storage",
  ],
};

const REACT_PACKAGES = ["react", "react-dom", "react-dom/*", "react/*", "@tanstack/*", "react-*"];

/** The React entries the widget imports, all aliased to preact/compat in the embed build. */
const REACT_ENTRIES = "/^react(-dom)?(\\u002Fclient)?$/";
/** React 19 APIs preact/compat lacks or only imitates (see the widget block below). */
const REACT_ONLY = `/^(${[
  "useActionState",
  "useOptimistic",
  "useFormStatus",
  "useFormState",
  "requestFormReset",
  "useTransition",
  "startTransition",
  "useDeferredValue",
  "useInsertionEffect",
  "Activity",
  "unstable_Activity",
  "ViewTransition",
  "unstable_ViewTransition",
  "Profiler",
  "cache",
  "cacheSignal",
  "act",
  "captureOwnerStack",
  "preload",
  "preloadModule",
  "preinit",
  "preinitModule",
  "preconnect",
  "prefetchDNS",
].join("|")})$/`;

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "test/packages/react-app/**",
      "node_modules/**",
      "screenshots/**",
      "test-results/**",
      ".tmp/**",
    ],
  },
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
    // The script tag runs the widget on preact/compat (vite.config.ts). What compat lacks
    // (React 19's actions, resource hints, Activity, cache, act) or only imitates (transitions
    // and deferred values render at once; insertion effects are layout effects) stays out.
    // test/widget/app/compatSurface.test.ts checks every other name the widget imports exists.
    files: ["widget/**/*.{ts,tsx}"],
    ignores: ["widget/demo/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: `ImportDeclaration[source.value=${REACT_ENTRIES}] > ImportSpecifier[imported.name=${REACT_ONLY}]`,
          message:
            "preact/compat, which runs the script-tag build, lacks this React API or only imitates it.",
        },
        {
          selector: `ImportDeclaration[source.value=${REACT_ENTRIES}] > :matches(ImportDefaultSpecifier, ImportNamespaceSpecifier)`,
          message: "Import React APIs by name, so the ones preact/compat lacks are caught here.",
        },
        {
          selector:
            "JSXAttribute[name.name=/^(action|formAction)$/][value.type='JSXExpressionContainer']",
          message: "React 19 form actions are not in preact/compat: handle onSubmit instead.",
        },
      ],
    },
  },
  {
    // Wings: widget ↛ server, server ↛ widget (the layers rule covers relative paths; this
    // covers the package's own name and absolute spellings too).
    files: ["widget/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**", "**/server"] }] },
  },
  {
    files: ["widget/api/**", "widget/loader/**", "widget/messages/**", "widget/token/**"],
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
    files: ["widget/core/**"],
    rules: {
      // The ticket flow's core has no framework in it: TanStack's query-core, not its React
      // adapter (the bindings in widget/app use that).
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "**/server/**",
            "**/server",
            ...REACT_PACKAGES.filter((p) => p !== "@tanstack/*"),
            "@tanstack/react-query",
          ],
        },
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
