import { ApiClientError, abortError } from "./ApiClientError.ts";

/** Bytes sent so far of the request body, as the browser reports them. */
export interface UploadProgressEvent {
  loaded: number;
  total: number;
}

/** The raw answer of a request that reached the server. */
export interface RawAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
}

/**
 * POSTs a FormData with XMLHttpRequest, because only XHR reports upload progress (fetch
 * has no upload events). Resolves with any HTTP answer; rejects with NETWORK_ERROR when
 * none came, or with an AbortError when `signal` fired.
 */
export function xhrPostForm(
  url: string,
  body: FormData,
  headers: Readonly<Record<string, string>>,
  options: { onProgress?: (event: UploadProgressEvent) => void; signal?: AbortSignal },
): Promise<RawAnswer> {
  const { onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbortSignal = (): void => xhr.abort();
    const settle = (): void => signal?.removeEventListener("abort", onAbortSignal);

    xhr.open("POST", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    // Upload listeners must be in place before send(), or browsers skip upload events.
    if (onProgress) {
      xhr.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
      });
    }
    xhr.addEventListener("load", () => {
      settle();
      resolve({
        status: xhr.status,
        text: xhr.responseText,
        retryAfter: xhr.getResponseHeader("Retry-After"),
      });
    });
    const networkError = (): void => {
      settle();
      reject(new ApiClientError({ code: "NETWORK_ERROR", status: 0, message: "No answer" }));
    };
    xhr.addEventListener("error", networkError);
    xhr.addEventListener("timeout", networkError);
    xhr.addEventListener("abort", () => {
      settle();
      reject(abortError());
    });
    signal?.addEventListener("abort", onAbortSignal, { once: true });
    xhr.send(body);
  });
}
