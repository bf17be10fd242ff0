import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { API, MIB } from "../../contract/index.ts";
import { SAMPLE_HEADS } from "../support/sandboxFiles.ts";
import { startTestServer, type TestServer } from "../support/startTestServer.ts";
import { launchBrowser } from "./support/launchBrowser.ts";
import { DIST_DIR, requireBuild } from "./support/requireBuild.ts";

// The widget's own path: XMLHttpRequest with a FormData. A second and third send with one
// Idempotency-Key must read their 202 — Chromium reports a network error when the proxy
// answers and then cuts the rest of the body off.
let browser: Browser;
let server: TestServer;
let page: Page;

beforeAll(async () => {
  requireBuild();
  browser = await launchBrowser();
  server = await startTestServer({ staticDir: DIST_DIR });
  page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/embed.html`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Sends one ticket with `fileSizes` of PNG-looking files by XHR from the page, three times. */
function sendThreeTimes(token: string, key: string, fileSizes: readonly number[]) {
  return page.evaluate(
    async ({ url, token, key, fileSizes, head, headers }) => {
      const form = new FormData();
      form.append("summary", "Export fails");
      form.append("description", "Nothing downloads when I press Export.");
      fileSizes.forEach((size, i) => {
        const bytes = new Uint8Array(size);
        bytes.set(head);
        form.append("attachments", new Blob([bytes], { type: "image/png" }), `shot-${i}.png`);
      });
      const send = () =>
        new Promise<{ status: number; text: string }>((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open("POST", url);
          xhr.setRequestHeader(headers.token, token);
          xhr.setRequestHeader(headers.key, key);
          xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
          xhr.onerror = () => resolve({ status: 0, text: "network error" });
          xhr.send(form);
        });
      return [await send(), await send(), await send()];
    },
    {
      url: `${server.url}${API.tickets}`,
      token,
      key,
      fileSizes,
      head: [...SAMPLE_HEADS.png],
      headers: { token: API.customerTokenHeader, key: API.idempotencyKeyHeader },
    },
  );
}

describe("duplicate sends from Chromium", () => {
  for (const [megabytes, sizes] of [
    [0, []],
    [8, [8 * MIB]],
    [45, [23 * MIB, 22 * MIB]],
  ] as const) {
    it(`when XHR sends a ${megabytes} MB ticket three times with one key, then each answer is 202 with one ticketId and Ripio has one ticket`, async () => {
      server.sandbox.control.reset();
      const token = await server.tokenFor("cus_demo_alice");
      const answers = await sendThreeTimes(token, `xhr-${megabytes}`, sizes);
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
      const ids = new Set(
        answers.map((a) => (JSON.parse(a.text) as { ticketId: string }).ticketId),
      );
      expect(ids.size).toBe(1);
      expect(server.sandbox.control.snapshot().tickets.map((t) => t.ticketId)).toEqual([...ids]);
    });
  }
});
