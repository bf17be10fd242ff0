// The package's server entry (`ripio-help-widget/server`): everything a host backend needs.
export {
  signCustomerToken,
  verifyCustomerToken,
  MAX_TOKEN_TTL_SECONDS,
} from "./protection/identity.ts";
export { startServer, type RunningServer, type StartOptions } from "./startServer.ts";
export { createApp, type AppDeps } from "./createApp.ts";
export {
  loadConfig,
  ConfigError,
  type Config,
  type Mode,
  type RipioSettings,
  type StoreSettings,
} from "./config.ts";
export { ApiError } from "./http/apiError.ts";
export { StoreUnavailableError } from "./domain/StoreUnavailableError.ts";
export type {
  TicketStore,
  StoredTicket,
  IdempotencyClaim,
  IdempotentOutcome,
  RequestLimiter,
  SlotLimiter,
  SlotReservation,
  RateVerdict,
} from "./tickets/ticketStore.ts";
export { createMemoryTicketStore } from "./store/createMemoryTicketStore.ts";
export { openStore } from "./store/openStore.ts";
export type { UpstreamClient, UpstreamTimeouts } from "./upstream/createUpstreamClient.ts";
