import { useCallback, useState } from "react";
import { isFileRejectionCode, sanitizeFileName, type ErrorCode } from "../../contract/index.ts";
import type { ApiClientError } from "../api/ApiClientError.ts";
import { errorText, fill, limitValues } from "../messages/index.ts";
import type { Attachments } from "./useAttachments.ts";
import { useMessages } from "../messages/useMessages.ts";

/** The proxy's last complaint about the files, as text for under the Attachments field. */
export interface FileRefusal {
  text: string | null;
  /** Takes a refusal with `field: "attachments"`, marking the file it names as refused. */
  apply(error: ApiClientError): void;
  clear(): void;
}

/**
 * Refusals of the files by the proxy (it checks the bytes, which the browser cannot). The
 * proxy names the file at fault in its message; that file is marked refused so it is not
 * sent again, and the text under the field names it.
 */
export function useFileRefusal(attachments: Attachments): FileRefusal {
  const { messages, locale } = useMessages();
  const [refusal, setRefusal] = useState<{ code: ErrorCode; name: string | null } | null>(null);

  const apply = useCallback(
    (error: ApiClientError) => {
      if (error.code === "NETWORK_ERROR") return;
      const code = error.code;
      const culprit = isFileRejectionCode(code)
        ? attachments.items.find(
            (item) =>
              item.rejection === null && error.message.includes(sanitizeFileName(item.file.name)),
          )
        : undefined;
      if (culprit && isFileRejectionCode(code)) attachments.refuse(culprit.id, code);
      setRefusal({ code, name: culprit?.file.name ?? null });
    },
    [attachments],
  );
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
