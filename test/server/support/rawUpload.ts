import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { API } from "../../../contract/index.ts";
import { multipart, type Part } from "../../support/proxyHttp.ts";

/** An upload driven by hand: headers sent at once, the body written when the test says. */
export interface RawUpload {
  req: ClientRequest;
  body: Buffer;
  /** The answer's status and JSON, whenever it comes. */
  response: Promise<{ status: number; body: unknown; sawContinue: boolean }>;
  /** Resolves when the connection ends, answered or not. */
  closed: Promise<void>;
}

/** Starts `POST /api/tickets` with a Content-Length (declared or true) and writes nothing yet. */
export function startRawUpload(
  baseUrl: string,
  token: string,
  parts: readonly Part[],
  headers: Record<string, string> = {},
): RawUpload {
  const { contentType, body } = multipart(parts);
  const url = new URL(API.tickets, baseUrl);
  const req = httpRequest(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "content-length": String(body.length),
      [API.customerTokenHeader]: token,
      ...headers,
    },
  });
  let sawContinue = false;
  req.on("continue", () => (sawContinue = true));
  req.on("error", () => undefined); // the tests look at `closed` and `response`
  const closed = new Promise<void>((resolve) => req.on("close", resolve));
  const response = new Promise<{ status: number; body: unknown; sawContinue: boolean }>(
    (resolve, reject) => {
      req.on("response", (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            body: text ? JSON.parse(text) : null,
            sawContinue,
          });
        });
        res.on("error", reject);
      });
      req.on("close", () => reject(new Error("connection closed without an answer")));
    },
  );
  response.catch(() => undefined); // not every test waits for an answer
  req.flushHeaders();
  return { req, body, response, closed };
}
