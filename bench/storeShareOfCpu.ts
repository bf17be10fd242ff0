import { readFileSync } from "node:fs";

/** A V8 CPU profile, as `node --cpu-prof` writes it. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

// Code that is the store: our engines, and the libraries they drive.
const STORE_CODE = ["/server/store/", "rate-limiter-flexible", "better-sqlite3", "@redis/"];
// Start-up: compiling and loading modules, which is no part of serving a ticket.
const STARTUP_CODE = ["node:internal/modules", "/tsx/dist/"];
const IDLE = new Set(["(idle)", "(program)"]);

/**
 * What share of a proxy's busy CPU went to store code, from its `--cpu-prof` profile: the
 * sampling profiler sees where time goes whatever else the machine runs, which wall-clock
 * throughput on shared cores does not. Idle and start-up samples are left out.
 */
export function storeShareOfCpu(profilePath: string): { busyMs: number; storeMs: number } {
  const profile = JSON.parse(readFileSync(profilePath, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  let busy = 0;
  let store = 0;
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(sample);
    if (!leaf || IDLE.has(leaf.callFrame.functionName)) return;
    let isStore = false;
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const url = byId.get(id)?.callFrame.url ?? "";
      if (STARTUP_CODE.some((code) => url.includes(code))) return;
      if (STORE_CODE.some((code) => url.includes(code))) isStore = true;
    }
    busy += ms;
    if (isStore) store += ms;
  });
  return { busyMs: busy, storeMs: store };
}
