import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** A command line that starts a proxy (or a server that prints its URL the same way). */
export interface Launch {
  command: string;
  args: readonly string[];
}

// By URL, so that a process started in another folder (the default ./data) still finds tsx.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** `node [nodeArgs] --import tsx entry`: the node process itself is the server, no wrapper. */
export function nodeWithTsx(entry: string, nodeArgs: readonly string[] = []): Launch {
  return { command: process.execPath, args: [...nodeArgs, "--import", TSX, resolve(entry)] };
}

/** `server/main.ts` itself, as `npm start`'s launcher runs it. */
export const MAIN: Launch = nodeWithTsx("server/main.ts");
/** `npm start`'s launcher, which runs and forwards signals to `server/main.ts`. */
export const LAUNCHER: Launch = { command: process.execPath, args: ["scripts/start.mjs"] };
/** `npm start`, as Docker's `CMD ["npm", "start"]` runs it. */
export const NPM_START: Launch = { command: "npm", args: ["start"] };
/** The bin of the ripio-help-proxy package installed in the folder it runs in. */
export const INSTALLED_BIN: Launch = { command: "npx", args: ["--no-install", "ripio-help-proxy"] };
