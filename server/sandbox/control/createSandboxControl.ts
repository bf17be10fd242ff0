import { CONTROL_SCHEMAS } from "./controlSchemas.ts";
import { LATENCY_KEY } from "../api/applyLatencyAndFault.ts";
import type { SandboxStore } from "../createSandboxStore.ts";
import type { TicketProcessor } from "../api/createTicketProcessor.ts";
import type { Timers } from "../createTimers.ts";
import type { WebhookSender } from "../api/createWebhookSender.ts";
import type { SandboxControl } from "../types.ts";

/**
 * The scenario control. Inputs go through the same schemas as the HTTP routes, so a bad value
 * throws a ZodError here and becomes a 400 there.
 */
export function createSandboxControl(deps: {
  store: SandboxStore;
  processor: TicketProcessor;
  webhooks: WebhookSender;
  timers: Timers;
}): SandboxControl {
  const { store, processor, webhooks, timers } = deps;
  return {
    reset() {
      processor.cancelAll();
      webhooks.cancelAll();
      store.reset();
      // Requests still waiting out the old scenario's latency go on, in the new world.
      timers.runNow(LATENCY_KEY);
    },
    setScenario(patch) {
      Object.assign(store.scenario, CONTROL_SCHEMAS.scenarioPatch.parse(patch));
      return { ...store.scenario };
    },
    addFault(fault) {
      store.addFault(CONTROL_SCHEMAS.fault.parse(fault));
      return store.snapshot().faults;
    },
    upsertCustomer(customer) {
      const { customerId, email } = CONTROL_SCHEMAS.customer.parse(customer);
      store.customers.set(customerId, email);
      return { customerId, email };
    },
    removeCustomer(customerId) {
      return store.customers.delete(CONTROL_SCHEMAS.customerId.parse(customerId));
    },
    registerWebhook(url) {
      store.webhookUrls.add(CONTROL_SCHEMAS.webhookUrl.parse(url));
      return [...store.webhookUrls];
    },
    unregisterWebhook(url) {
      store.webhookUrls.delete(url);
      return [...store.webhookUrls];
    },
    completeTicket(ticketId, outcome) {
      const ticket = processor.complete(ticketId, CONTROL_SCHEMAS.outcome.parse(outcome));
      return ticket && { ticketId, status: ticket.status, issueKey: ticket.issueKey };
    },
    expireTokens: () => store.expireTokens(),
    snapshot: () => store.snapshot(),
  };
}
