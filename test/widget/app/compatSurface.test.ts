import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as compat from "preact/compat";
import * as compatClient from "preact/compat/client";

/*
 * The script tag runs the widget on preact/compat (PREACT_COMPAT_ALIASES in vite.config.ts);
 * the lint rule in eslint.config.js names the React APIs compat lacks or only imitates. This
 * catches the rest: an entry the aliases do not cover, or a name compat does not export.
 */
const ALIASED: Record<string, Record<string, unknown>> = {
  react: compat,
  "react-dom": compat,
  "react-dom/client": compatClient,
};
// The gallery runs on React only; everything else is in the app chunk or the React export.
const NOT_ON_PREACT = join("widget", "demo");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === NOT_ON_PREACT ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

interface ReactImport {
  file: string;
  from: string;
  names: string[];
}

/** Value imports from React's packages (type-only ones vanish from the build). */
function reactImports(file: string): ReactImport[] {
  const text = readFileSync(file, "utf8");
  const found: ReactImport[] = [];
  // react and react-dom with any subpath; not react-hook-form or react-dropzone.
  const pattern = /import\s+(type\s+)?([^;]*?)\s+from\s+"(react(?:-dom)?(?:\/[^"]*)?)"/g;
  for (const match of text.matchAll(pattern)) {
    const [, typeOnly, clause = "", from = ""] = match;
    if (typeOnly) continue;
    const names = (/\{([^}]*)\}/.exec(clause)?.[1] ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "" && !name.startsWith("type "))
      .map((name) => name.split(/\s+as\s+/)[0] ?? name);
    found.push({ file: relative(".", file), from, names });
  }
  return found;
}

const imports = sourceFiles("widget").flatMap(reactImports);

describe("the React API the widget uses, against preact/compat", () => {
  it("when the widget's sources are read, then they import from React's packages", () => {
    // A guard for the two checks below: finding nothing would let them pass vacuously.
    expect(imports.filter((i) => i.from === "react").length).toBeGreaterThan(10);
    expect(imports.some((i) => i.from === "react-dom/client")).toBe(true);
  });

  it("when the widget imports a React package, then the embed build aliases it to compat", () => {
    const unaliased = imports.filter((i) => !(i.from in ALIASED));
    expect(unaliased.map((i) => `${i.file}: ${i.from}`)).toEqual([]);
  });

  it("when the widget imports a React API by name, then preact/compat exports it too", () => {
    const missing = imports.flatMap(({ file, from, names }) => {
      const runtime = ALIASED[from];
      if (!runtime) return [];
      return names.filter((name) => !(name in runtime)).map((name) => `${file}: ${name}`);
    });
    expect(missing).toEqual([]);
  });
});
