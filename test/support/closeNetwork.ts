import net from "node:net";
import { networkInterfaces } from "node:os";
import { afterEach, expect } from "vitest";

// The network is closed in the Node tests (as nock's disableNetConnect does): the proxy,
// the sandbox, Redis and nginx are all on this machine, so a connection anywhere else is a
// test that would depend on the internet, or a defect that calls out. It is refused at once,
// and fails the test after it too (code under test may swallow the refusal as a network error).
// Installed once per worker: the unit tier shares a worker between files (isolate: false), and
// this file runs before each of them.
const GUARD = Symbol.for("ripio-help.closeNetwork");
const holder = globalThis as { [GUARD]?: { refused: string[] } };

// The machine's own addresses count as here: tests reach the proxy on them to check that it
// listens on loopback only, or that /metrics refuses a caller that is not on loopback.
const OWN_ADDRESSES = new Set(
  Object.values(networkInterfaces())
    .flat()
    .map((entry) => entry?.address),
);

function isThisMachine(host: string): boolean {
  return host === "localhost" || OWN_ADDRESSES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Where `Socket#connect` was asked to go: its options, from any of its signatures. */
function targetOf(args: unknown[]): { host: string; path: boolean } {
  // net.connect passes its normalized arguments as an array; direct calls pass them spread.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === "string") return { host: "", path: true };
    return { host: typeof options.host === "string" ? options.host : "localhost", path: false };
  }
  if (typeof first === "string" && Number.isNaN(Number(first))) return { host: "", path: true };
  const host = Array.isArray(args[0]) ? undefined : args[1];
  return { host: typeof host === "string" ? host : "localhost", path: false };
}

function closeNetwork(): { refused: string[] } {
  const state = { refused: [] as string[] };
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    if (!target.path && !isThisMachine(target.host)) {
      state.refused.push(target.host);
      process.nextTick(() => this.destroy(new Error(`Network closed in tests: ${target.host}`)));
      return this;
    }
    // The original has several overloads; the arguments are passed on exactly as given.
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  return state;
}
const { refused } = (holder[GUARD] ??= closeNetwork());

/** The hosts refused since the last call (for the test that checks the guard itself). */
export function takeRefusedConnections(): string[] {
  return refused.splice(0);
}

afterEach(() => {
  expect(takeRefusedConnections(), "connections outside loopback").toEqual([]);
});
