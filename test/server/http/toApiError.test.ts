import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../../server/domain/StoreUnavailableError.ts";
import { UpstreamRejectedError } from "../../../server/domain/UpstreamRejectedError.ts";
import { UpstreamUnavailableError } from "../../../server/domain/UpstreamUnavailableError.ts";
import { ApiError } from "../../../server/http/apiError.ts";
import { toApiError } from "../../../server/http/toApiError.ts";
import { storeUnavailable } from "../../../server/tickets/storeUnavailable.ts";
import { mapFailure } from "../../../server/upstream/upstreamErrors.ts";

const answer = (error: unknown) => {
  const known = toApiError(error);
  return (
    known && { status: known.status, body: known.toBody(), retryAfter: known.retryAfterSeconds }
  );
};

describe("toApiError: the domain's errors as the browser sees them", () => {
  it("when the store is down, then 503 STORE_UNAVAILABLE with Retry-After 5, the engine's reason kept out of it", () => {
    const error = storeUnavailable(new Error("ECONNREFUSED 127.0.0.1:6379"));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(answer(error)).toEqual({
      status: 503,
      body: {
        error: {
          code: "STORE_UNAVAILABLE",
          message:
            "The help proxy cannot reach its store right now; nothing was sent. Try again in a moment.",
        },
      },
      retryAfter: 5,
    });
  });

  it.each([
    ["tokenUnreachable", undefined, "Ripio's token endpoint cannot be reached."],
    ["tokenUnavailable", 503, "Ripio's token endpoint is unavailable."],
    ["unreachable", undefined, "Ripio cannot be reached right now."],
    ["rateLimited", 429, "Ripio is rate limiting us; try again shortly."],
    ["failing", 502, "Ripio answered 502; try again shortly."],
  ] as const)(
    "when Ripio is unavailable (%s), then 503 UPSTREAM_UNAVAILABLE with its text and Retry-After",
    (reason, upstreamStatus, message) => {
      const error = new UpstreamUnavailableError(reason, 7, {
        ...(upstreamStatus === undefined ? {} : { upstreamStatus }),
      });
      expect(answer(error)).toEqual({
        status: 503,
        body: { error: { code: "UPSTREAM_UNAVAILABLE", message } },
        retryAfter: 7,
      });
    },
  );

  it.each([
    [
      "ticketsDisabled",
      403,
      "TICKETS_DISABLED",
      "Support tickets are not enabled for this account.",
    ],
    ["customerNotFound", 400, "CUSTOMER_NOT_FOUND", "Ripio does not know this customer."],
    [
      "customerEmailMissing",
      400,
      "CUSTOMER_EMAIL_MISSING",
      "This customer has no email on file at Ripio.",
    ],
    ["authenticationFailed", 502, "UPSTREAM_ERROR", "The proxy could not authenticate with Ripio."],
    ["credentialsRefused", 502, "UPSTREAM_ERROR", "Ripio refused the proxy's credentials."],
    ["unusableAnswer", 502, "UPSTREAM_ERROR", "Ripio answered something the proxy cannot use."],
  ] as const)("when Ripio rejects (%s), then %i %s", (reason, status, code, message) => {
    expect(answer(new UpstreamRejectedError(reason))).toEqual({
      status,
      body: { error: { code, message } },
      retryAfter: undefined,
    });
  });

  it("when Ripio answers 429 without Retry-After, then the domain error carries the default 5 s", () => {
    const { error, defect } = mapFailure({
      status: 429,
      code: null,
      type: null,
      message: null,
      retryAfterSeconds: null,
    });
    expect(defect).toBe(false);
    expect(answer(error)).toMatchObject({ status: 503, retryAfter: 5 });
  });

  it("when an ApiError comes, then it is answered as it is; anything else is not ours to map", () => {
    const own = new ApiError("RATE_LIMITED", "Too many tickets; try again later.");
    expect(toApiError(own)).toBe(own);
    expect(toApiError(new Error("a defect"))).toBeNull();
    expect(toApiError("thrown text")).toBeNull();
  });
});
