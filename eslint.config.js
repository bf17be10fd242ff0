import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

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
