// A local ESLint rule: each folder of the layout may import only the layers the table in
// eslint.config.js allows. It resolves every relative specifier to a path in the repository, so
// "../../http/x.ts" and "./x.ts" are judged by where they land, not by how they are spelt.
import { dirname, relative, resolve, sep } from "node:path";

const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), "..");

/** The repository-relative path of `file`, with forward slashes. */
function repoPath(file) {
  return relative(repoRoot, file).split(sep).join("/");
}

/** The most specific layer (a folder, or one file) that holds `path`; null outside all. */
function layerOf(path, layerNames) {
  let best = null;
  for (const name of layerNames) {
    const inside = path === name || path.startsWith(`${name}/`);
    if (inside && (best === null || name.length > best.length)) best = name;
  }
  return best;
}

/** @type {import("eslint").Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: "problem",
    docs: { description: "Keep the import directions of the layout's layers" },
    schema: [
      { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
    ],
    messages: {
      forbidden:
        "{{from}} may not import {{to}}: it sits in a higher or unrelated layer. {{from}} may import: {{allowed}}.",
    },
  },
  create(context) {
    const table = context.options[0] ?? {};
    const names = Object.keys(table);
    const from = layerOf(repoPath(context.filename), names);
    if (from === null) return {};
    const allowed = new Set([from, ...table[from]]);

    function check(node, source) {
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = repoPath(resolve(dirname(context.filename), source));
      const to = layerOf(target, names);
      if (to === null || allowed.has(to)) return;
      context.report({
        node,
        messageId: "forbidden",
        data: { from, to, allowed: [...allowed].join(", ") },
      });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};
