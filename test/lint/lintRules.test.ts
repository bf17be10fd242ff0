import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The real config, run on source text placed at real paths of the layout: what CI refuses.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

// The first lint builds the TypeScript program of the whole project (type-aware rules): ~8 s
// alone, far more on a loaded two-core CI machine.
describe("lint guards the layers", { timeout: 120_000 }, () => {
  it("when http/ imports a route, then lint refuses it", async () => {
    const ids = await ruleIds(
      "server/http/drainRequest.ts",
      'export { WEBHOOK_PATH } from "../routes/webhooks.ts";\n',
    );
    expect(ids).toContain("local/layers");
  });

  it("when the simulated Ripio API imports the proxy or its control, then lint refuses it", async () => {
    const proxy = await ruleIds(
      "server/sandbox/api/handleToken.ts",
      'export { ApiError } from "../../http/apiError.ts";\n',
    );
    const control = await ruleIds(
      "server/sandbox/api/handleToken.ts",
      'export { controlRoutes } from "../control/controlRoutes.ts";\n',
    );
    expect(proxy).toContain("local/layers");
    expect(control).toContain("local/layers");
  });

  it("when the widget imports the server, or contract imports the widget, then lint refuses it", async () => {
    expect(
      await ruleIds("widget/form/TicketForm.tsx", 'export * from "../../server/config.ts";\n'),
    ).toContain("local/layers");
    expect(
      await ruleIds("contract/limits.ts", 'export * from "../widget/messages/index.ts";\n'),
    ).toContain("local/layers");
  });

  it("when the API client imports React, then lint refuses it", async () => {
    const ids = await ruleIds(
      "widget/api/parseTicket.ts",
      'import { useState } from "react";\nexport const hook = useState;\n',
    );
    expect(ids).toContain("no-restricted-imports");
  });

  it("when a lower layer imports a lower one, then lint lets it be", async () => {
    const ids = await ruleIds(
      "server/routes/health.ts",
      'export { ApiError } from "../http/apiError.ts";\n',
    );
    expect(ids).not.toContain("local/layers");
  });
});

describe("lint guards promises", () => {
  it("when a promise floats, then lint refuses it", async () => {
    const ids = await ruleIds(
      "server/http/drainRequest.ts",
      "export function f(): void {\n  Promise.resolve(1);\n}\n",
    );
    expect(ids).toContain("@typescript-eslint/no-floating-promises");
  });

  it("when an async function is given where a void callback belongs, then lint refuses it", async () => {
    const ids = await ruleIds(
      "server/http/drainRequest.ts",
      'import { EventEmitter } from "node:events";\nexport function f(e: EventEmitter): void {\n  e.on("x", async () => {\n    await Promise.resolve();\n  });\n}\n',
    );
    expect(ids).toContain("@typescript-eslint/no-misused-promises");
  });
});
