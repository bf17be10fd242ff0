export {
  createSandbox,
  type Sandbox,
  type SandboxControl,
  type SandboxOptions,
  type SandboxState,
} from "./createSandbox.ts";
export {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_CUSTOMERS,
  SANDBOX_WEBHOOK_SECRET,
} from "./seeds.ts";
export { RIPIO_PATHS } from "./ripioPaths.ts";
export { WEBHOOK_SIGNATURE_HEADER, signWebhookBody } from "./api/createWebhookSender.ts";
export { RIPIO_ERRORS, type RipioErrorBody } from "./ripioError.ts";
export type {
  FaultSpec,
  PendingFault,
  ReceivedFile,
  ReceivedTicket,
  RequestRecord,
  SandboxCustomer,
  Scenario,
  ScenarioPatch,
  TicketOutcome,
  WebhookDelivery,
  WebhookEventType,
} from "./types.ts";
