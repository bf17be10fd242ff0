import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIB, SIGNATURE_BYTES, TICKET_LIMITS } from "../../../../contract/index.ts";
import { createSandbox, type Sandbox } from "../../../../server/sandbox/createSandbox.ts";
import { fileBytes } from "../../../support/sandboxFiles.ts";
import {
  createTicket,
  getToken,
  ticketForm,
  type FilePart,
  type TicketParts,
} from "../../../support/sandboxHttp.ts";

let sandbox: Sandbox;
let url: string;
let token: string;

beforeEach(async () => {
  sandbox = createSandbox({ processingDelayMs: 60_000 });
  url = await sandbox.listen();
  token = await getToken(url);
});
afterEach(() => sandbox.close());

const EMOJI = "😀"; // one code point, two UTF-16 units, four UTF-8 bytes
const E_ACUTE = "e\u0301"; // two code points, one grapheme

async function send(parts: TicketParts) {
  return createTicket(url, token, ticketForm(parts));
}

/** Asserts a 400/20000 whose message matches, and that nothing was stored. */
function expectRefused(answer: { status: number; body: unknown }, message: RegExp): void {
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    code: 20000,
    type: "ValidationError",
    detail: { message: expect.stringMatching(message) },
    status: 400,
  });
  expect(sandbox.control.snapshot().tickets).toEqual([]);
}

const png = (name: string, size = 100): FilePart => ({ name, bytes: fileBytes("png", size) });

describe("sandbox text rules (code points, after trimming)", () => {
  it.each([
    ["240 ASCII letters", "a".repeat(240)],
    ["240 emoji", EMOJI.repeat(240)],
    ["120 letters with a combining accent", E_ACUTE.repeat(120)],
    ["240 letters inside white space", `  \n${"a".repeat(240)}\t `],
  ])("when the summary is %s, then it is accepted", async (_, summary) => {
    expect((await send({ summary })).status).toBe(202);
  });

  it.each([
    ["241 ASCII letters", "a".repeat(241)],
    ["241 emoji", EMOJI.repeat(241)],
    ["121 letters with a combining accent (242 code points)", E_ACUTE.repeat(121)],
  ])("when the summary is %s, then it answers 400 20000 naming summary", async (_, summary) => {
    expectRefused(await send({ summary }), /^summary: .*240 characters/);
  });

  it.each([
    ["summary", { summary: " \n\t " }],
    ["description", { description: "   " }],
    ["summary", { summary: "\u200B" }],
    ["description", { description: "\u2060 \u200D\uFEFF" }],
  ])(
    "when the %s is blank (white space or invisible format characters), then 400 20000",
    async (field, parts) => {
      expectRefused(await send(parts), new RegExp(`^${field}: This field may not be blank`));
    },
  );

  it.each(["summary", "description"] as const)(
    "when the %s is missing, then it answers 400 20000 'required'",
    async (field) => {
      expectRefused(await send({ [field]: null }), new RegExp(`^${field}: This field is required`));
    },
  );

  it.each([
    ["5000 letters", "b".repeat(5000)],
    ["5000 emoji (20000 UTF-8 bytes)", EMOJI.repeat(5000)],
  ])("when the description is %s, then it is accepted and kept whole", async (_, description) => {
    expect((await send({ description })).status).toBe(202);
    expect(sandbox.control.snapshot().tickets[0]?.description).toBe(description);
  });

  it.each([
    ["5001 letters", "b".repeat(5001)],
    ["5001 emoji (over busboy's field size)", EMOJI.repeat(5001)],
    ["2501 letters with a combining accent", E_ACUTE.repeat(2501)],
  ])(
    "when the description is %s, then it answers 400 20000 naming description",
    async (_, description) => {
      expectRefused(await send({ description }), /^description: .*5000 characters/);
    },
  );

  it("when several rules are broken, then the message lists every one", async () => {
    const answer = await send({
      summary: "",
      description: "x".repeat(5001),
      files: [png("a.exe")],
    });
    expectRefused(answer, /summary: .*description: .*files: "a\.exe"/);
  });
});

describe("sandbox file rules", () => {
  it("when 5 files arrive, then it accepts them; when 6 arrive, then 400 20000 naming files", async () => {
    const five = Array.from({ length: 5 }, (_, i) => png(`p${i}.png`));
    expect((await send({ files: five })).status).toBe(202);
    sandbox.control.reset();
    token = await getToken(url);
    expectRefused(
      await send({ files: [...five, png("p5.png")] }),
      /^files: .*no more than 5 files/,
    );
  });

  it("when a file is 25 MiB + 1 byte, then it answers a readable 400 20000 naming the file", async () => {
    const answer = await send({ files: [png("huge.png", TICKET_LIMITS.maxFileBytes + 1)] });
    expectRefused(answer, /^files: "huge\.png" is larger than 26214400 bytes/);
  });

  it("when the files add up to exactly 50 MiB, then they are accepted", async () => {
    const half = fileBytes("mp4", 25 * MIB);
    const files = [
      { name: "a.mp4", bytes: half },
      { name: "b.mp4", bytes: half },
    ];
    expect((await send({ files })).status).toBe(202);
    expect(sandbox.control.snapshot().tickets[0]?.files.map((f) => f.size)).toEqual([
      25 * MIB,
      25 * MIB,
    ]);
  });

  it("when the files add up to 50 MiB + 1 byte, then it answers 400 20000 about the total", async () => {
    const files = [
      { name: "a.mp4", bytes: fileBytes("mp4", 25 * MIB) },
      { name: "b.mp4", bytes: fileBytes("mp4", 25 * MIB - SIGNATURE_BYTES) },
      png("c.png", SIGNATURE_BYTES + 1),
    ];
    expectRefused(await send({ files }), /^files: The files add up to more than 52428800 bytes/);
  });

  it.each(["malware.exe", "no-extension", "a.png.exe", "anim.gif", ".png", "notes.txt"])(
    "when a file is named %s, then it answers 400 20000 naming it",
    async (name) => {
      const escaped = name.replace(/\./g, "\\.");
      expectRefused(
        await send({ files: [png(name)] }),
        new RegExp(`^files: "${escaped}" has a type`),
      );
    },
  );

  it("when a file's bytes are not what its extension claims, then it answers 400 20000", async () => {
    const files = [{ name: "photo.png", bytes: fileBytes("pdf") }];
    expectRefused(await send({ files }), /^files: "photo\.png" is not a valid \.png file/);
  });

  it("when a file is empty, then it fails the content check", async () => {
    expectRefused(await send({ files: [png("empty.png", 0)] }), /"empty\.png" is not a valid/);
  });
});

describe("sandbox body shape", () => {
  it("when the body is JSON, not multipart, then it answers 400 20001", async () => {
    const answer = await createTicket(url, token, JSON.stringify({ summary: "x" }), {
      "content-type": "application/json",
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 20001, type: "ParseError", status: 400 });
  });

  it("when multipart has no boundary, then it answers 400 20001", async () => {
    const answer = await createTicket(url, token, "whatever", {
      "content-type": "multipart/form-data",
    });
    expect(answer.body).toMatchObject({ code: 20001 });
  });

  it("when the multipart body is cut short, then it answers 400 20001 and stores nothing", async () => {
    const body = '--XyZ\r\nContent-Disposition: form-data; name="summary"\r\n\r\nhello';
    const answer = await createTicket(url, token, body, {
      "content-type": "multipart/form-data; boundary=XyZ",
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 20001,
      detail: { message: expect.stringMatching(/end of form/) },
    });
    expect(sandbox.control.snapshot().tickets).toEqual([]);
  });

  it("when 'files' is sent as text, then it answers 400 20000 naming files", async () => {
    const form = ticketForm();
    form.append("files", "not a file");
    expectRefused(await createTicket(url, token, form), /files: Expected a file/);
  });

  it("when 'summary' is sent as a file, then it answers 400 20000 naming summary", async () => {
    const form = ticketForm({ summary: null });
    form.append("summary", new Blob(["text"]), "summary.txt");
    expectRefused(await createTicket(url, token, form), /summary: Expected a text value/);
  });
});
