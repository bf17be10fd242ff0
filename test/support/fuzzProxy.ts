/**
 * Runs fuzz cases (fuzzMultipart.ts) against a running proxy over raw sockets and judges
 * each: never a 5xx, never a hang past the guard, a valid ticket accepted, a broken one
 * refused with its code, a ticket at Ripio only from a 202 and only one that keeps the rules,
 * and no spool file left at the end. Shared by the parser fuzz test and `npm run bench -- fuzz`.
 */
import { readdir } from "node:fs/promises";
import { connect } from "node:net";
import {
  API,
  TICKET_LIMITS,
  checkDescription,
  checkSummary,
  fileExtension,
  isAllowedExtension,
  sanitizeFileName,
} from "../../contract/index.ts";
import type { ReceivedTicket, SandboxControl } from "../../server/sandbox/types.ts";
import { fuzzCase, type FuzzCase } from "./fuzzMultipart.ts";

/** The proxy under test and what the judge looks at beside its answers. */
export interface FuzzTarget {
  url: string;
  tokenFor(customerId: string): Promise<string>;
  /** The sandbox behind the proxy: customers are added to it, its tickets read. */
  control: Pick<SandboxControl, "upsertCustomer" | "snapshot" | "reset">;
  /** The proxy's spool folder (startTestServer's `tmpDir`). */
  spoolDir: string;
}

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Cases in flight at once (default 4). */
  concurrency?: number;
  /** A case with no end (answer or close) after this long is a hang (default 10 s). */
  guardMs?: number;
  /** Cases judged between two looks at the sandbox (and its reset); default 200. */
  batch?: number;
}

/** What became of one case. */
export interface FuzzOutcome {
  index: number;
  labels: string[];
  /** The answer's status; null when the connection closed without one, or hung. */
  status: number | null;
  code: string | null;
  ms: number;
  hung: boolean;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  /** Answers by status ("closed" when none came). */
  statuses: Record<string, number>;
  /** Cases by label family. */
  labels: Record<string, number>;
  accepted: number;
  ticketsAtRipio: number;
  slowestMs: number;
  spoolFilesLeft: number;
  /** Everything that broke a property, one line each (empty when all held). */
  problems: string[];
}

interface Answer {
  status: number | null;
  code: string | null;
  hung: boolean;
}

/** Writes the case on a fresh socket and reads the first answer. */
function send(url: string, token: string, fuzz: FuzzCase, guardMs: number): Promise<Answer> {
  const { hostname, port, host } = new URL(url);
  const framing = fuzz.framing;
  const lines = [
    `POST ${API.tickets} HTTP/1.1`,
    `Host: ${host}`,
    "Connection: keep-alive",
    `${API.customerTokenHeader}: ${token}`,
    ...fuzz.headers.map(([name, value]) => `${name}: ${value}`),
  ];
  if (framing.kind === "length") lines.push(`Content-Length: ${fuzz.body.length}`);
  if (framing.kind === "declared") lines.push(`Content-Length: ${framing.length}`);
  if (framing.kind === "chunked") lines.push("Transfer-Encoding: chunked");
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");

  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (answer: Answer): void => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      socket.destroy();
      resolve(answer);
    };
    const guard = setTimeout(() => finish({ status: null, code: null, hung: true }), guardMs);
    socket.on("error", () => undefined); // a reset ends the case through 'close'
    socket.on("close", () => finish(parse(received) ?? { status: null, code: null, hung: false }));
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parse(received);
      if (answer) finish(answer);
    });
    socket.write(head);
    if (framing.kind === "chunked") {
      let at = 0;
      for (const size of framing.chunkSizes) {
        socket.write(`${size.toString(16)}\r\n`);
        socket.write(fuzz.body.subarray(at, at + size));
        socket.write("\r\n");
        at += size;
      }
      socket.write("0\r\n\r\n");
    } else {
      // In a few writes, so the parser meets the body in pieces.
      const cut = Math.floor(fuzz.body.length / 3);
      socket.write(fuzz.body.subarray(0, cut));
      socket.write(fuzz.body.subarray(cut));
    }
  });
}

/** The status and error code of a complete answer in `raw`; null while incomplete. */
function parse(raw: Buffer): Answer | null {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const [statusLine = "", ...headerLines] = raw.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(statusLine.split(" ")[1]);
  const lengthLine = headerLines.find((line) => /^content-length:/i.test(line));
  const length = lengthLine ? Number(lengthLine.slice(lengthLine.indexOf(":") + 1)) : 0;
  const body = raw.subarray(end + 4);
  if (body.length < length) return null;
  let code: string | null = null;
  try {
    const parsed = JSON.parse(body.subarray(0, length).toString("utf8")) as {
      error?: { code?: unknown };
    };
    code = typeof parsed.error?.code === "string" ? parsed.error.code : null;
  } catch {
    // Node's own answers to a broken request (400, 431) have no JSON.
  }
  return { status, code, hung: false };
}

/** What is wrong with one answer given what the case is; null when nothing. */
function judgeAnswer(fuzz: FuzzCase, answer: Answer): string | null {
  const { verdict } = fuzz;
  const got = answer.hung ? "no end (hang)" : (answer.status ?? "a close without an answer");
  if (answer.hung || answer.status === null) return `ended with ${got}`;
  if (answer.status >= 500) return `answered ${answer.status} ${answer.code ?? ""}`;
  if (verdict.kind === "valid" && answer.status !== 202) {
    return `a valid ticket was refused: ${answer.status} ${answer.code ?? ""}`;
  }
  if (verdict.kind === "broken" || verdict.kind === "incomplete") {
    if (answer.status === 202) return `a ${verdict.kind} ticket was accepted`;
    if (verdict.kind === "broken" && verdict.code && verdict.code !== answer.code) {
      return `expected ${verdict.code}, got ${answer.status} ${answer.code ?? ""}`;
    }
  }
  return null;
}

/** What is wrong with a ticket Ripio received; null when it keeps every rule. */
function judgeTicket(ticket: ReceivedTicket): string | null {
  const summary = checkSummary(ticket.summary);
  const description = checkDescription(ticket.description);
  if (summary ?? description) return `Ripio received a ticket breaking ${summary ?? description}`;
  if (ticket.files.length > TICKET_LIMITS.maxFiles) return "Ripio received too many files";
  let total = 0;
  for (const file of ticket.files) {
    total += file.size;
    if (file.name !== sanitizeFileName(file.name))
      return `an uncleaned name ${JSON.stringify(file.name)}`;
    if (!isAllowedExtension(fileExtension(file.name))) return `a file of a refused type`;
    if (file.size > TICKET_LIMITS.maxFileBytes) return "a file over the limit";
  }
  return total > TICKET_LIMITS.maxTotalBytes ? "files over the total limit" : null;
}

const family = (label: string): string => label.split(":")[0] ?? label;

/** Runs `count` cases of `seed` against `target` and reports. Never throws for a finding. */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const { seed, count } = options;
  const concurrency = options.concurrency ?? 4;
  const guardMs = options.guardMs ?? 10_000;
  const batch = options.batch ?? 200;
  const report: FuzzReport = {
    seed,
    cases: count,
    statuses: {},
    labels: {},
    accepted: 0,
    ticketsAtRipio: 0,
    slowestMs: 0,
    spoolFilesLeft: 0,
    problems: [],
  };
  const problem = (fuzz: FuzzCase, text: string): void => {
    report.problems.push(`seed ${seed} case ${fuzz.index} [${fuzz.labels.join(", ")}]: ${text}`);
  };

  for (let start = 0; start < count; start += batch) {
    const cases = Array.from({ length: Math.min(batch, count - start) }, (_, i) =>
      fuzzCase(seed, start + i),
    );
    const outcomes = new Map<string, { fuzz: FuzzCase; outcome: FuzzOutcome }>();
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let fuzz = cases[next++]; fuzz; fuzz = cases[next++]) {
        const customerId = `cus_fuzz_${seed}_${fuzz.index}`;
        target.control.upsertCustomer({ customerId, email: `${customerId}@example.com` });
        const token = await target.tokenFor(customerId);
        const began = performance.now();
        const answer = await send(target.url, token, fuzz, guardMs);
        const ms = performance.now() - began;
        const outcome = { index: fuzz.index, labels: fuzz.labels, ...answer, ms };
        outcomes.set(customerId, { fuzz, outcome });
        const key =
          answer.status === null ? (answer.hung ? "hung" : "closed") : String(answer.status);
        report.statuses[key] = (report.statuses[key] ?? 0) + 1;
        for (const label of new Set(fuzz.labels.map(family))) {
          report.labels[label] = (report.labels[label] ?? 0) + 1;
        }
        report.slowestMs = Math.max(report.slowestMs, ms);
        if (answer.status === 202) report.accepted += 1;
        const wrong = judgeAnswer(fuzz, answer);
        if (wrong) problem(fuzz, wrong);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    // A 202 comes only after Ripio took the ticket: what it holds now is all there is.
    const tickets = target.control.snapshot().tickets;
    report.ticketsAtRipio += tickets.length;
    const perCustomer = new Map<string, number>();
    for (const ticket of tickets) {
      perCustomer.set(ticket.customerId, (perCustomer.get(ticket.customerId) ?? 0) + 1);
      const owner = outcomes.get(ticket.customerId);
      if (!owner) {
        report.problems.push(`seed ${seed}: a ticket for unknown ${ticket.customerId}`);
        continue;
      }
      const wrong = judgeTicket(ticket);
      if (wrong) problem(owner.fuzz, wrong);
    }
    for (const [customerId, { fuzz, outcome }] of outcomes) {
      const expected = outcome.status === 202 ? 1 : 0;
      const got = perCustomer.get(customerId) ?? 0;
      if (got !== expected) problem(fuzz, `${got} tickets at Ripio after a ${outcome.status}`);
    }
    target.control.reset();
  }

  report.spoolFilesLeft = await spoolFilesLeft(target.spoolDir);
  if (report.spoolFilesLeft > 0) {
    report.problems.push(`seed ${seed}: ${report.spoolFilesLeft} spool files left`);
  }
  return report;
}

/** Spool files still there once removals in flight are done (a bounded wait, then a count). */
async function spoolFilesLeft(dir: string): Promise<number> {
  for (let tries = 0; ; tries += 1) {
    const left = (await readdir(dir)).length;
    if (left === 0 || tries >= 50) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
