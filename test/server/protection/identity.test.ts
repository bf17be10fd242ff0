import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../server/http/apiError.ts";
import { signCustomerToken, verifyCustomerToken } from "../../../server/protection/identity.ts";
import { call, postTicket } from "../../support/proxyHttp.ts";
import { startTestServer, type TestServer } from "../../support/startTestServer.ts";
import {
  forgeToken,
  nowSeconds,
  TEST_IDENTITY_SECRET,
  unsignedToken,
} from "../support/customerTokens.ts";
import { expectApiError } from "../support/expectApiError.ts";

const SECRET = TEST_IDENTITY_SECRET;

async function codeOf(token: string): Promise<string> {
  try {
    await verifyCustomerToken(token, SECRET);
    return "ACCEPTED";
  } catch (error) {
    return error instanceof ApiError ? error.code : String(error);
  }
}

describe("verifyCustomerToken", () => {
  it("when a token is signed by signCustomerToken, then it names the customer", async () => {
    const token = await signCustomerToken("cus_demo_alice", SECRET, 600);
    expect(await verifyCustomerToken(token, SECRET)).toBe("cus_demo_alice");
  });

  it.each([
    ["alg none", () => unsignedToken({ sub: "cus_demo_alice", exp: nowSeconds() + 600 })],
    [
      "HS512",
      () => forgeToken(SECRET, { sub: "cus_demo_alice", exp: nowSeconds() + 600 }, "HS512"),
    ],
    [
      "a bad signature",
      () => forgeToken("another-secret-another-secret-0000", { sub: "a", exp: nowSeconds() + 600 }),
    ],
    ["no sub", () => forgeToken(SECRET, { exp: nowSeconds() + 600 })],
    ["no exp", () => forgeToken(SECRET, { sub: "cus_demo_alice" })],
    [
      "exp more than 24 h ahead",
      () => forgeToken(SECRET, { sub: "cus_demo_alice", exp: nowSeconds() + 25 * 3600 }),
    ],
    ["an empty sub", () => forgeToken(SECRET, { sub: "", exp: nowSeconds() + 600 })],
    ["garbage", () => "abc.def.ghi"],
  ])("when the token has %s, then IDENTITY_INVALID", async (_what, make) => {
    expect(await codeOf(await make())).toBe("IDENTITY_INVALID");
  });

  it("when the claims are tampered with (sub swapped, signature kept), then IDENTITY_INVALID", async () => {
    const token = await signCustomerToken("cus_demo_alice", SECRET, 600);
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: "cus_demo_bob" })).toString(
      "base64url",
    );
    expect(await codeOf(`${header}.${forged}.${signature}`)).toBe("IDENTITY_INVALID");
  });

  it("when exp has passed by more than the 30 s skew, then IDENTITY_EXPIRED; within the skew it passes", async () => {
    expect(await codeOf(await forgeToken(SECRET, { sub: "a", exp: nowSeconds() - 60 }))).toBe(
      "IDENTITY_EXPIRED",
    );
    expect(await codeOf(await forgeToken(SECRET, { sub: "a", exp: nowSeconds() - 10 }))).toBe(
      "ACCEPTED",
    );
  });

  it("when a token names an audience, then only ripio-help is accepted; a token without aud still is", async () => {
    const signed = await signCustomerToken("cus_demo_alice", SECRET, 600);
    const claims = JSON.parse(
      Buffer.from(signed.split(".")[1] ?? "", "base64url").toString(),
    ) as Record<string, unknown>;
    expect(claims.aud).toBe("ripio-help");
    const exp = nowSeconds() + 600;
    const withAud = (aud: unknown) => forgeToken(SECRET, { sub: "cus_demo_alice", exp, aud });
    expect(await codeOf(await withAud("other-service"))).toBe("IDENTITY_INVALID");
    expect(await codeOf(await withAud(["billing", "payments"]))).toBe("IDENTITY_INVALID");
    expect(await codeOf(await withAud("ripio-help"))).toBe("ACCEPTED");
    expect(await codeOf(await withAud(["billing", "ripio-help"]))).toBe("ACCEPTED");
    expect(await codeOf(await forgeToken(SECRET, { sub: "cus_demo_alice", exp }))).toBe("ACCEPTED");
  });

  it("when a host asks for a token longer than 24 h, then signCustomerToken refuses", async () => {
    await expect(signCustomerToken("cus_demo_alice", SECRET, 86_401)).rejects.toThrow(RangeError);
  });
});

describe("the identity header on /api/*", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { HELP_IDENTITY_SECRET: SECRET } });
  });
  afterAll(() => server.close());

  it("when no token, a forged one or an expired one is sent, then 401 with the matching code", async () => {
    expectApiError(await postTicket(server.url, null), "IDENTITY_REQUIRED");
    expectApiError(
      await postTicket(server.url, unsignedToken({ sub: "cus_demo_alice" })),
      "IDENTITY_INVALID",
    );
    const expired = await forgeToken(SECRET, { sub: "cus_demo_alice", exp: nowSeconds() - 120 });
    expectApiError(
      await call(server.url, "GET", "/api/config", { headers: { "x-customer-token": expired } }),
      "IDENTITY_EXPIRED",
    );
    expect(server.sandbox.control.snapshot().tickets).toEqual([]);
  });
});
