import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API } from "../../../contract/api.ts";
import {
  signCustomerToken as proxySign,
  verifyCustomerToken as proxyVerify,
} from "../../../server/protection/identity.ts";
import {
  CustomerTokenError,
  signCustomerToken,
  verifyCustomerToken,
} from "../../../widget/token/index.ts";

const SECRET = "a-host-backend-secret-of-32-chars!";

/** A token with any header and claims, signed with HS256 over exactly those bytes. */
function handMade(header: object, claims: object, secret = SECRET): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function refusal(token: string, secret = SECRET): Promise<CustomerTokenError> {
  const error: unknown = await verifyCustomerToken(token, secret).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CustomerTokenError);
  return error as CustomerTokenError;
}

describe("ripio-help-widget/token", () => {
  it("when a token is signed on node:crypto, then the proxy's jose verification accepts it", async () => {
    const token = await signCustomerToken("cus_demo_alice", SECRET, 600);
    await expect(proxyVerify(token, SECRET)).resolves.toBe("cus_demo_alice");
  });

  it("when the proxy signs a token with jose, then verifyCustomerToken accepts it", async () => {
    const token = await proxySign("cus_demo_bob", SECRET, 600);
    await expect(verifyCustomerToken(token, SECRET)).resolves.toBe("cus_demo_bob");
  });

  it("when a token is signed, then it carries sub, aud ripio-help, iat and exp = iat + ttl under an HS256 header", async () => {
    const [header = "", payload = ""] = (await signCustomerToken("cus_1", SECRET, 90)).split(".");
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({
      alg: "HS256",
      typ: "JWT",
    });
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as {
      sub: string;
      aud: string;
      iat: number;
      exp: number;
    };
    expect(claims.sub).toBe("cus_1");
    expect(claims.aud).toBe(API.customerTokenAudience);
    expect(claims.exp - claims.iat).toBe(90);
  });

  it("when aud names another service, then it is invalid; without aud or listing ripio-help, accepted", async () => {
    const exp = nowSeconds() + 60;
    expect(
      (await refusal(handMade({ alg: "HS256" }, { sub: "cus_1", exp, aud: "billing" }))).reason,
    ).toBe("invalid");
    await expect(
      verifyCustomerToken(handMade({ alg: "HS256" }, { sub: "cus_1", exp }), SECRET),
    ).resolves.toBe("cus_1");
    const listed = { sub: "cus_1", exp, aud: ["billing", "ripio-help"] };
    await expect(verifyCustomerToken(handMade({ alg: "HS256" }, listed), SECRET)).resolves.toBe(
      "cus_1",
    );
  });

  it("when the secret differs, the algorithm is none or HS512, or the token is not a JWT, then it is invalid", async () => {
    const claims = { sub: "cus_1", exp: nowSeconds() + 60 };
    const noneToken = `${handMade({ alg: "none" }, claims).split(".").slice(0, 2).join(".")}.`;
    for (const token of [
      await signCustomerToken("cus_1", "another-secret-of-enough-length!!", 60),
      noneToken,
      handMade({ alg: "HS512", typ: "JWT" }, claims),
      "not-a-token",
    ]) {
      expect((await refusal(token)).reason).toBe("invalid");
    }
  });

  it("when exp has passed, then the reason is expired; when it is over 24 h ahead or missing, invalid", async () => {
    const header = { alg: "HS256", typ: "JWT" };
    const expired = handMade(header, { sub: "cus_1", exp: nowSeconds() - 120 });
    const tooLong = handMade(header, { sub: "cus_1", exp: nowSeconds() + 2 * 24 * 3600 });
    const noExp = handMade(header, { sub: "cus_1" });
    const noSub = handMade(header, { exp: nowSeconds() + 60 });
    expect((await refusal(expired)).reason).toBe("expired");
    for (const token of [tooLong, noExp, noSub])
      expect((await refusal(token)).reason).toBe("invalid");
    // The proxy agrees on each.
    for (const token of [expired, tooLong, noExp, noSub]) {
      await expect(proxyVerify(token, SECRET)).rejects.toThrow();
    }
  });

  it("when the ttl is out of 1…86400 or the customer id is empty, then signing refuses", async () => {
    await expect(signCustomerToken("cus_1", SECRET, 0)).rejects.toThrow(RangeError);
    await expect(signCustomerToken("cus_1", SECRET, 86_401)).rejects.toThrow(RangeError);
    await expect(signCustomerToken("", SECRET, 60)).rejects.toThrow(RangeError);
  });
});
