import { useCallback, useState } from "react";
import { isFileRejectionCode, type ErrorCode } from "../../contract/index.ts";
import type { ApiClientError } from "../api/ApiClientError.ts";
import { errorText, fill, limitValues } from "../messages/index.ts";
import { useMessages } from "../messages/useMessages.ts";

/** The proxy's last complaint about the files, as text for under the Attachments field. */
export interface FileRefusal {
  text: string | null;
  /** Takes a refusal with `field: "attachments"`, for the text naming the file at fault. */
  apply(error: ApiClientError): void;
  clear(): void;
}

/**
 * Refusals of the files by the proxy (it checks the bytes, which the browser cannot). The
 * proxy names the file at fault by its position in the request (`error.file`); the ticket
 * flow has already marked that very file refused, so it is not sent again, and the text
 * under the field names it.
 */
export function useFileRefusal(): FileRefusal {
  const { messages, locale } = useMessages();
  const [refusal, setRefusal] = useState<{ code: ErrorCode; name: string | null } | null>(null);

  const apply = useCallback((error: ApiClientError) => {
    if (error.code === "NETWORK_ERROR") return;
    const name = isFileRejectionCode(error.code) ? (error.file?.name ?? null) : null;
    setRefusal({ code: error.code, name });
  }, []);
  const clear = useCallback(() => setRefusal(null), []);

  let text: string | null = null;
  if (refusal?.name && isFileRejectionCode(refusal.code)) {
    const reason = fill(messages.fileReasons[refusal.code], limitValues(locale));
    text = fill(messages.fileRefused, { name: refusal.name, reason });
  } else if (refusal) {
    text = errorText(messages, refusal.code);
  }
  return { text, apply, clear };
}
