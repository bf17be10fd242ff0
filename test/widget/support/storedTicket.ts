import type { Ticket } from "../../../contract/index.ts";
import { customerKeyFromToken } from "../../../widget/identity/customerKeyFromToken.ts";

/** Puts a "last ticket" in sessionStorage the way the widget keeps it across a reload. */
export function storeLastTicket(
  token: string,
  ticket: Ticket,
  text = { summary: "S", description: "D" },
  fileCount = 0,
): void {
  const key = customerKeyFromToken(token);
  sessionStorage.setItem(
    `ripio-help/v1/last/${key}`,
    JSON.stringify({ ticket, ...text, fileCount }),
  );
}
