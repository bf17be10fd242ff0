import { describe, expect, it } from "vitest";
import { API } from "../../../contract/index.ts";
import { exeBytes, pngBytes } from "../../support/files.ts";
import type { ProxyAnswer } from "../../support/proxyHttp.ts";
import { fileBytes, sha256 } from "../../support/sandboxFiles.ts";
import { expectApiError } from "../support/expectApiError.ts";
import { openRawRequest } from "../support/rawHttp.ts";
import { testServerPerFile } from "../support/testServerPerFile.ts";

const server = testServerPerFile();

const BOUNDARY = "----untyped7f3a";

/**
 * A ticket whose one file part carries exactly `typeHeader` (no line at all when null),
 * written byte by byte on a socket: the test helpers' builder always sends a Content-Type.
 */
function sendUntyped(fileName: string, bytes: Uint8Array, typeHeader: string | null) {
  const body = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="summary"\r\n\r\nExport fails\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\nNo file.\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="attachments"; filename="${fileName}"\r\n` +
        (typeHeader === null ? "" : `${typeHeader}\r\n`) +
        "\r\n",
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const request = openRawRequest(server.url, "POST", API.tickets, {
    "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`,
    "Content-Length": String(body.length),
    [API.customerTokenHeader]: server.alice,
  });
  void request.write(body);
  return request.answer.finally(() => request.socket.destroy());
}

const received = () => server.sandbox.control.snapshot().tickets.flatMap((t) => t.files);

describe("a file part with no Content-Type header", () => {
  it.each([
    ["no Content-Type line", null],
    ["an empty Content-Type", "Content-Type: "],
    ["an unreadable Content-Type", "Content-Type: not a type"],
  ])(
    "when a real PNG comes with %s, then it is accepted and forwarded as image/png",
    async (_, header) => {
      const bytes = pngBytes(2048);
      const answer: ProxyAnswer = await sendUntyped("shot.png", bytes, header);
      expect(answer.status).toBe(202);
      expect(received()).toEqual([
        { name: "shot.png", size: 2048, sha256: sha256(bytes), contentType: "image/png" },
      ]);
    },
  );

  it("when a QuickTime movie comes with no type, then it is forwarded as video/quicktime", async () => {
    const bytes = fileBytes("mov", 4096);
    expect((await sendUntyped("clip.mov", bytes, null)).status).toBe(202);
    expect(received()[0]?.contentType).toBe("video/quicktime");
  });

  it("when its bytes are not what the extension says, then FILE_CONTENT_MISMATCH and nothing is sent", async () => {
    const answer = await sendUntyped("shot.png", exeBytes(2048), null);
    expectApiError(answer, "FILE_CONTENT_MISMATCH", "attachments");
    expect(received()).toEqual([]);
  });

  it("when its extension is not allowed, then FILE_TYPE_NOT_ALLOWED and nothing is sent", async () => {
    const answer = await sendUntyped("setup.exe", exeBytes(2048), null);
    expectApiError(answer, "FILE_TYPE_NOT_ALLOWED", "attachments");
    expect(received()).toEqual([]);
  });

  it("when a part declares a type that does not fit, then it is still refused", async () => {
    const answer = await sendUntyped("shot.png", pngBytes(64), "Content-Type: application/zip");
    expectApiError(answer, "FILE_TYPE_NOT_ALLOWED", "attachments");
  });
});
