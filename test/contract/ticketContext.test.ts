import { describe, expect, it } from "vitest";
import {
  CONTEXT_LIMITS,
  checkTicketContext,
  contextText,
  hostEntryProblem,
} from "../../contract/index.ts";
import { GATHERED_CONTEXT } from "../support/gatheredContext.ts";

const gathered = GATHERED_CONTEXT;

const tenEntries = Object.fromEntries(
  Array.from({ length: CONTEXT_LIMITS.maxHostEntries }, (_, i) => [`k${i}`, i]),
);

describe("checkTicketContext", () => {
  it("when every item and ten host entries of each kind keep the rules, then it is accepted as is", () => {
    const context = {
      ...gathered,
      host: { ...tenEntries, k0: "pro", k1: true, k2: -1.5, k9: "x".repeat(200) },
    };
    expect(checkTicketContext(context)).toEqual({ ok: true, context });
  });

  it("when a key uses every allowed kind of character, up to 40 of them, then it is accepted", () => {
    expect(hostEntryProblem("a.b_c-D9", 1)).toBeNull();
    expect(hostEntryProblem("k".repeat(40), 1)).toBeNull();
  });

  it("when items were removed (any subset, even none left), then what is left is accepted", () => {
    expect(checkTicketContext({}).ok).toBe(true);
    expect(checkTicketContext({ language: "pt-BR", host: {} }).ok).toBe(true);
  });

  it.each([
    ["not an object", "plain"],
    ["an array", [gathered]],
    ["null", null],
    ["an unknown item", { ...gathered, cookies: "a=b" }],
    ["11 host entries", { host: { ...tenEntries, k10: 10 } }],
    ["a nested host value", { host: { plan: { name: "pro" } } }],
    ["an array host value", { host: { plan: ["pro"] } }],
    ["a null host value", { host: { plan: null } }],
    ["a non-finite number", { host: { ratio: Number.POSITIVE_INFINITY } }],
    ["a 201-character host value", { host: { plan: "x".repeat(201) } }],
    ["a 41-character key", { host: { ["k".repeat(41)]: 1 } }],
    ["an empty key", { host: { "": 1 } }],
    ["a key with a space", { host: { "app version": "1" } }],
    ["a key with markup", { host: { "<b>": "1" } }],
    ["host not an object", { host: "plan=pro" }],
    ["a page with a query string", { page: "https://shop.example.com/p?token=abc" }],
    ["a page with a fragment", { page: "https://shop.example.com/p#secret" }],
    ["a page that is not http(s)", { page: "javascript:alert(1)" }],
    ["a page over the limit", { page: `https://a.example/${"p".repeat(1000)}` }],
    ["a nested browser", { browser: { name: "Chrome" } }],
    ["an empty language", { language: "" }],
    ["a viewport as text", { viewport: "1920x1080" }],
    ["a viewport with a fraction", { viewport: { width: 10.5, height: 2 } }],
    ["a viewport with more keys", { viewport: { width: 1, height: 2, depth: 3 } }],
  ])("when the context has %s, then it is refused with a reason", (_, value) => {
    const verdict = checkTicketContext(value);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).not.toBe("");
  });

  it("when a string value has 200 code points of emoji (400 UTF-16 units), then it is accepted", () => {
    expect(hostEntryProblem("plan", "😀".repeat(200))).toBeNull();
    expect(hostEntryProblem("plan", "😀".repeat(201))).toMatch(/200/);
  });
});

describe("contextText", () => {
  it("when a value carries control characters and bidi overrides, then they are removed", () => {
    expect(contextText("pro\n\rPage: https://evil.example\u0000\u202Ex\u009b")).toBe(
      "proPage: https://evil.examplex",
    );
  });

  it("when a value is markup, a number or a boolean, then it is the same text, not interpreted", () => {
    expect(contextText("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(contextText(42.5)).toBe("42.5");
    expect(contextText(false)).toBe("false");
  });
});
