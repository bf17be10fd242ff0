import { MIB, TICKET_LIMITS } from "../contract/index.ts";
import { result, type BenchResult } from "./benchResult.ts";
import { median } from "./median.ts";
import { startRealStack } from "./processes.ts";
import {
  benchFile,
  expectAccepted,
  sandboxBearer,
  sendTicket,
  type BenchFile,
  type TicketTarget,
} from "./sendTicket.ts";

/** An upload case: its files and how many alternating runs it gets. */
interface UploadCase {
  label: string;
  files: BenchFile[];
  runs: number;
}

/** The most a ticket may carry, 50 MiB: two files of exactly 25 MiB (the per-file limit). */
export function largestTicketFiles(): BenchFile[] {
  return [
    benchFile("png", TICKET_LIMITS.maxFileBytes),
    benchFile("pdf", TICKET_LIMITS.maxTotalBytes - TICKET_LIMITS.maxFileBytes),
  ];
}

/** The cases of issue #6, with fewer runs for the longer ones. */
function uploadCases(): UploadCase[] {
  return [
    { label: "1mb", files: [benchFile("png", MIB)], runs: 15 },
    { label: "10mb", files: [benchFile("pdf", 10 * MIB)], runs: 11 },
    { label: "50mb", files: largestTicketFiles(), runs: 9 },
  ];
}

/** Times the same ticket through the proxy and straight to Ripio, alternating which goes first. */
async function timeCase(proxy: TicketTarget, direct: TicketTarget, upload: UploadCase) {
  const times = { proxy: [] as number[], direct: [] as number[] };
  const once = async (target: TicketTarget): Promise<number> => {
    const sent = await sendTicket(target, upload.files);
    expectAccepted(sent, `${upload.label} upload (${target.kind})`);
    return sent.ms;
  };
  // One of each first, not kept: connections, JIT and the disk cache of the spool warm up.
  await once(proxy);
  await once(direct);
  for (let i = 0; i < upload.runs; i++) {
    const order = i % 2 === 0 ? [proxy, direct] : [direct, proxy];
    for (const target of order) times[target.kind].push(await once(target));
  }
  return { proxy: median(times.proxy), direct: median(times.direct) };
}

/** The same multipart through the proxy (real mode) vs straight to the sandbox, 1, 10 and 50 MB. */
export async function measureUpload(): Promise<BenchResult[]> {
  const stack = await startRealStack();
  try {
    const proxy: TicketTarget = {
      kind: "proxy",
      url: stack.proxy.url,
      customerToken: stack.customerToken,
    };
    const direct: TicketTarget = {
      kind: "direct",
      url: stack.sandbox.url,
      bearer: await sandboxBearer(stack.sandbox.url),
    };
    const figures: BenchResult[] = [];
    for (const upload of uploadCases()) {
      const { proxy: proxyMs, direct: directMs } = await timeCase(proxy, direct, upload);
      figures.push(
        result(`upload_${upload.label}_ratio_vs_direct`, proxyMs / directMs, "×", 1, 1.1),
        result(`upload_${upload.label}_ms`, proxyMs, "ms", directMs, null),
      );
    }
    return figures;
  } finally {
    await stack.stop();
  }
}
