import type { NextFunction, Request, Response } from "express";
import { API } from "../../contract/index.ts";
import { ApiError } from "../http/apiError.ts";
import { verifyCustomerToken } from "./identity.ts";
import { localsOf } from "../http/requestContext.ts";

/**
 * The identity check of `/api/*`: verifies `X-Customer-Token` and keeps its customerId in
 * `res.locals` — the only source of the customerId (a form field never is).
 */
export function requireCustomer(secret: string, now: () => number) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = req.get(API.customerTokenHeader)?.trim();
    if (!token) {
      throw new ApiError(
        "IDENTITY_REQUIRED",
        `Send the customer token in ${API.customerTokenHeader}.`,
      );
    }
    const locals = localsOf(res);
    locals.customerId = await verifyCustomerToken(token, secret, now);
    locals.log = locals.log.child({ customerId: locals.customerId });
    next();
  };
}
