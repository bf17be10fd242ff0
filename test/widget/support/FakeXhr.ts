/**
 * A stand-in for the browser's XMLHttpRequest, the widget's edge to the network, for the
 * one thing jsdom cannot show: upload progress as bytes leave (jsdom reports none that is
 * computable). The test drives it: progress, then an answer, or watches it be aborted.
 */
export class FakeXhr extends EventTarget {
  static last: FakeXhr | null = null;
  readonly upload = new EventTarget();
  readonly headers: Record<string, string> = {};
  method = "";
  url = "";
  body: unknown = null;
  aborted = false;
  status = 0;
  responseText = "";

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  getResponseHeader(): string | null {
    return null;
  }
  send(body: unknown): void {
    this.body = body;
    FakeXhr.last = this;
  }
  abort(): void {
    this.aborted = true;
    this.dispatchEvent(new Event("abort"));
  }

  /** Reports `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number): void {
    this.upload.dispatchEvent(
      Object.assign(new Event("progress"), { lengthComputable: true, loaded, total }),
    );
  }
  /** Answers with a status and a JSON body. */
  answer(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.dispatchEvent(new Event("load"));
  }
}
