// `npm run bench`: runs every benchmark in turn, prints each figure beside its reference and
// target, and writes bench/results.json. `npm run bench -- upload sizes` runs only those and
// updates just their figures in the file.
// Builds first when dist/ is missing. Every child process is stopped at the end, also on error.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { BenchResult } from "./benchResult.ts";
import { buildReactVariant, type ReactVariant } from "./buildReactVariant.ts";
import { measureHistory } from "./measureHistory.ts";
import { measureHostScript } from "./measureHostScript.ts";
import { measureMetricsCost } from "./measureMetricsCost.ts";
import { measureOpenTime } from "./measureOpenTime.ts";
import { measureParserFuzz } from "./measureParserFuzz.ts";
import { measureReactPackage } from "./measureReactPackage.ts";
import { measureSizes } from "./measureSizes.ts";
import { measureStatusLatency } from "./measureStatusLatency.ts";
import { measureSoak } from "./measureSoak.ts";
import { measureStoreHeap } from "./measureStoreHeap.ts";
import { measureStores } from "./measureStores.ts";
import { measureSubmitThroughput } from "./measureSubmitThroughput.ts";
import { measureUpload } from "./measureUpload.ts";
import { measureUploadMemory } from "./measureUploadMemory.ts";
import { killAllChildren } from "./processes.ts";

const RESULTS_FILE = "bench/results.json";

// The script tag on React, built once when a bench that compares with it runs first.
let reactVariant: ReactVariant | null = null;
function reactDist(): string {
  if (!reactVariant) {
    process.stdout.write("(building the script tag on React for comparison) ");
    reactVariant = buildReactVariant();
  }
  return reactVariant.dir;
}

const BENCHES: Record<string, () => Promise<BenchResult[]>> = {
  sizes: () => measureSizes("widget/dist", reactDist()),
  react: () => measureReactPackage(),
  host: () => measureHostScript(),
  open: () => measureOpenTime(reactDist()),
  upload: () => measureUpload(),
  memory: () => measureUploadMemory(),
  submit: () => measureSubmitThroughput(),
  status: () => measureStatusLatency(),
  metrics: () => measureMetricsCost(),
  store: () => measureStores(),
  fuzz: () => measureParserFuzz(),
  soak: () => measureSoak(),
  history: () => measureHistory(),
  heap: () => Promise.resolve(measureStoreHeap()),
};

process.on("exit", () => {
  killAllChildren();
  reactVariant?.remove();
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

const show = (value: number | boolean | null): string => (value === null ? "–" : String(value));

function printTable(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${show(r.value)} ${r.unit}`,
    show(r.reference),
    show(r.ratio),
    show(r.target),
    r.met === null ? "–" : r.met ? "yes" : "NO",
  ]);
  const head = ["name", "value unit", "reference", "ratio", "target", "met"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  for (const row of [head, ...rows]) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
  }
}

const started = performance.now();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}.`,
  );
  process.exit(2);
}
const BUILT = [
  "widget/dist/help-widget.js",
  "widget/dist/embed-manifest.json",
  "server/dist/gallery/index.html",
];
// Benchmarks that run the proxy from source in this process and load no built file.
const BUILD_FREE = new Set(["fuzz"]);
const needsBuild = wanted.length === 0 || wanted.some((name) => !BUILD_FREE.has(name));
if (needsBuild && !BUILT.every((file) => existsSync(file))) {
  console.log("The build is missing: building first (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const results: BenchResult[] = [];
const failed: string[] = [];
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const at = performance.now();
  process.stdout.write(`${name}… `);
  try {
    const figures = await run();
    results.push(...figures);
    console.log(`${((performance.now() - at) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed.push(name);
    console.log(`FAILED after ${((performance.now() - at) / 1000).toFixed(1)} s`);
    console.error(error);
  }
}

/** The figures to write: all of this run, or for a partial run the file's others kept in place. */
function merged(fresh: readonly BenchResult[]): BenchResult[] {
  if (wanted.length === 0 || !existsSync(RESULTS_FILE)) return [...fresh];
  const byName = new Map(fresh.map((figure) => [figure.name, figure]));
  const old = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as BenchResult[];
  const kept = old.map((figure) => byName.get(figure.name) ?? figure);
  const keptNames = new Set(kept.map((figure) => figure.name));
  return [...kept, ...fresh.filter((figure) => !keptNames.has(figure.name))];
}

console.log("");
printTable(results);
writeFileSync(RESULTS_FILE, `${JSON.stringify(merged(results), null, 2)}\n`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\n${results.length} figures measured, ${RESULTS_FILE} written; wall time ${seconds} s.`,
);
if (failed.length > 0) {
  console.error(`Failed: ${failed.join(", ")}.`);
  process.exitCode = 1;
}
killAllChildren();
