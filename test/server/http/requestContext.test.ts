import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { API, MIB } from "../../../contract/index.ts";
import { pngBytes } from "../../support/files.ts";
import { multipart, postTicket, ticketParts } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import { openRawRequest } from "../support/rawHttp.ts";

let server: TestServer;
afterEach(() => server.close());

/** A proxy whose log lines land in `lines`, parsed. */
async function loggingServer(lines: Record<string, unknown>[]): Promise<TestServer> {
  const logger = pino(
    { level: "info" },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return startTestServer({ logger });
}

const requestLines = (lines: Record<string, unknown>[]) =>
  lines.filter((line) => line.msg === "request" && line.path === API.tickets);

describe("the access log", () => {
  it("when a client abandons its upload, then the request is logged as 499 with aborted: true", async () => {
    const lines: Record<string, unknown>[] = [];
    server = await loggingServer(lines);
    const { contentType, body } = multipart(
      ticketParts({ files: [{ name: "shot.png", bytes: pngBytes(2 * MIB) }] }),
    );
    const raw = openRawRequest(server.url, "POST", API.tickets, {
      "Content-Type": contentType,
      "Content-Length": String(body.length),
      [API.customerTokenHeader]: await server.tokenFor("cus_demo_alice"),
    });
    await raw.write(body.subarray(0, MIB));
    raw.socket.destroy();
    await expect.poll(() => requestLines(lines)).toHaveLength(1);
    expect(requestLines(lines)[0]).toMatchObject({ method: "POST", status: 499, aborted: true });
  });

  it("when a ticket is answered, then its line has the status sent and no aborted flag", async () => {
    const lines: Record<string, unknown>[] = [];
    server = await loggingServer(lines);
    const sent = await postTicket(server.url, await server.tokenFor("cus_demo_alice"));
    expect(sent.status).toBe(202);
    await expect.poll(() => requestLines(lines)).toHaveLength(1);
    expect(requestLines(lines)[0]).toMatchObject({ status: 202 });
    expect(requestLines(lines)[0]).not.toHaveProperty("aborted");
  });
});
