// `ripio-help-widget/token`: customer tokens for host backends written in Node, on
// node:crypto alone (README.md, "Host backends").
export {
  signCustomerToken,
  verifyCustomerToken,
  CustomerTokenError,
  MAX_TOKEN_TTL_SECONDS,
} from "./customerToken.ts";
