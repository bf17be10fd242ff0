import { describe, expect, it, vi } from "vitest";
import { createTokenSource } from "../../../widget/identity/createTokenSource.ts";
import { customerKeyFromToken } from "../../../widget/identity/customerKeyFromToken.ts";
import { fakeToken } from "../support/builders.ts";

const ALICE = fakeToken("cus_alice");
const BOB = fakeToken("cus_bob");

describe("createTokenSource", () => {
  it("when a new customerToken is given, then it replaces the cached one and names its customer", async () => {
    const tokens = createTokenSource({ customerToken: ALICE });
    const changed = vi.fn();
    tokens.subscribe(changed);
    tokens.configure({ customerToken: BOB });
    expect(await tokens.get()).toBe(BOB);
    expect(tokens.getState().customerKey).toBe(customerKeyFromToken(BOB));
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it("when the same options come again, then nothing changes and no one is asked", async () => {
    const getCustomerToken = vi.fn(() => Promise.resolve(ALICE));
    const tokens = createTokenSource({ getCustomerToken });
    await tokens.get();
    const before = tokens.getState();
    tokens.configure({ getCustomerToken });
    expect(tokens.getState()).toBe(before);
    await tokens.get();
    expect(getCustomerToken).toHaveBeenCalledTimes(1);
  });

  it("when a new getCustomerToken is given, then the next request asks it instead of using the cached token", async () => {
    const tokens = createTokenSource({ getCustomerToken: () => Promise.resolve(ALICE) });
    expect(await tokens.get()).toBe(ALICE);
    tokens.configure({ getCustomerToken: () => Promise.resolve(BOB) });
    expect(tokens.peek()).toBeNull();
    expect(await tokens.get()).toBe(BOB);
    expect(tokens.getState().customerKey).toBe(customerKeyFromToken(BOB));
  });

  it("when the replaced getter answers after the change, then its token is not cached", async () => {
    let answerAlice: (token: string) => void = () => undefined;
    const tokens = createTokenSource({
      getCustomerToken: () => new Promise<string>((resolve) => (answerAlice = resolve)),
    });
    const late = tokens.get();
    tokens.configure({ getCustomerToken: () => Promise.resolve(BOB) });
    answerAlice(ALICE);
    await late;
    expect(tokens.peek()).toBeNull();
    expect(await tokens.get()).toBe(BOB);
  });

  it("when the host takes every identity away (logout), then no customer's key is kept", () => {
    const tokens = createTokenSource({ customerToken: ALICE });
    tokens.configure({});
    expect(tokens.getState()).toEqual({ token: null, customerKey: "unknown" });
  });
});
