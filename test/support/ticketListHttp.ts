import { request } from "undici";
import { API, type TicketList } from "../../contract/index.ts";
import type { ProxyAnswer } from "./proxyHttp.ts";

async function answer<T>(res: Awaited<ReturnType<typeof request>>): Promise<ProxyAnswer<T>> {
  const text = await res.body.text();
  return {
    status: res.statusCode,
    headers: res.headers,
    body: (text === "" ? null : JSON.parse(text)) as T,
  };
}

/** `GET /api/tickets` with `query` (limit, cursor, wait) as given, unchecked. */
export async function listTickets(
  baseUrl: string,
  token: string | null,
  query: Record<string, string | number> = {},
): Promise<ProxyAnswer<TicketList & Record<string, unknown>>> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const suffix = search.size > 0 ? `?${search.toString()}` : "";
  const res = await request(`${baseUrl}${API.tickets}${suffix}`, {
    headers: token === null ? {} : { [API.customerTokenHeader]: token },
  });
  return answer(res);
}

/** `DELETE /api/tickets/:ticketId`. */
export async function removeTicket(
  baseUrl: string,
  token: string,
  ticketId: string,
): Promise<ProxyAnswer> {
  const res = await request(`${baseUrl}${API.tickets}/${encodeURIComponent(ticketId)}`, {
    method: "DELETE",
    headers: { [API.customerTokenHeader]: token },
  });
  return answer(res);
}
