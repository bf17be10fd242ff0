import { describe, expect, it } from "vitest";
import { API, TICKET_LIMITS, countChars } from "../../../contract/index.ts";
import { testServerPerFile } from "../support/testServerPerFile.ts";

const server = testServerPerFile();

/** Sends the texts as a browser's FormData does: every line break goes as CRLF. */
async function sendForm(summary: string, description: string) {
  const form = new FormData();
  form.append(API.fields.summary, summary);
  form.append(API.fields.description, description);
  const res = await fetch(new URL(API.tickets, server.url), {
    method: "POST",
    headers: { [API.customerTokenHeader]: server.alice },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("line breaks in a description", () => {
  it("when a description of exactly 5000 characters has 100 line breaks, then it is accepted and Ripio counts 5000", async () => {
    const line = `${"x".repeat(49)}\n`; // 50 code points as a textarea holds them
    const description = line.repeat(100).slice(0, -1) + "x";
    expect(countChars(description)).toBe(TICKET_LIMITS.descriptionMaxChars);

    const answer = await sendForm("Line breaks", description);
    expect(answer.status).toBe(202);
    const [received] = server.sandbox.control.snapshot().tickets;
    expect(received?.description).toBe(description);
  });

  it("when a description has one character too many, line breaks counted once each, then it is refused", async () => {
    const description = `${"x\n".repeat(2500)}y`; // 5001 code points
    const answer = await sendForm("Line breaks", description);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "DESCRIPTION_TOO_LONG", field: "description" });
    expect(server.sandbox.control.snapshot().tickets).toEqual([]);
  });
});
