import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

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
  { ignores: ["dist/**", "node_modules/**", "screenshots/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["widget/**/*.{ts,tsx}", "test/widget/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
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
    // The layout's import directions: widget ↛ server, server ↛ widget, contract ↛ both.
    files: ["widget/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**", "**/server"] }] },
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
