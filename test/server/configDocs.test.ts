import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../../server/config.ts";

/** The variables named in the first column of the README's Configuration table. */
function readmeVariables(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(
    readme.indexOf("## Configuration"),
    readme.indexOf("## Development"),
  );
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) =>
      [...(line.split("|")[1] ?? "").matchAll(/`([A-Z_]+)`/g)].map((m) => m[1] ?? ""),
    );
}

describe("configuration keys", () => {
  it("when a key is defined in the schema, then it carries its documentation there", () => {
    expect(CONFIG_KEYS.length).toBeGreaterThan(10);
    for (const { key, doc } of CONFIG_KEYS) expect(doc, key).toMatch(/\w.{20,}/);
  });

  it("when the README lists the variables, then it lists exactly the schema's", () => {
    expect(readmeVariables().sort()).toEqual(CONFIG_KEYS.map(({ key }) => key).sort());
  });
});
