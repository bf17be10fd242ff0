import { startTestServer } from "/work/main/test/support/startTestServer.ts";
import { launchBrowser } from "/work/main/test/e2e/support/launchBrowser.ts";
const server = await startTestServer({ staticDir: "/work/main/dist" });
const browser = await launchBrowser();
for (const id of (process.env.STORIES ?? "").split(",")) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.on("console", (m) => console.log(id, "console:", m.text()));
  page.on("pageerror", (e) => console.log(id, "pageerror:", e.message));
  page.on("response", (r) => { if (!r.url().includes("/assets/")) console.log(id, r.status(), r.request().method(), r.url()); });
  await page.goto(`${server.url}/#${id}`);
  await page.waitForTimeout(5000);
  await page.screenshot({ path: `/tmp/${id}.png` });
  await context.close();
}
await browser.close(); await server.close();
