// @vitest-environment jsdom
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HelpWidget } from "../../../widget/index.ts";
import { fakeToken } from "../support/builders.ts";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe("HelpWidget hydrated over its server HTML", () => {
  it("when hydrateRoot runs over renderToString's HTML, then React reports no mismatch and the launcher appears", async () => {
    const page = (
      <main>
        <h1>Host app</h1>
        <HelpWidget customerToken={fakeToken("cus_x")} locale="en" />
      </main>
    );
    const container = document.createElement("div");
    container.innerHTML = renderToString(page);
    document.body.append(container);
    const consoleError = vi.spyOn(console, "error");
    const recoverable = vi.fn();
    const root = await act(async () =>
      hydrateRoot(container, page, { onRecoverableError: recoverable }),
    );
    const shadow = container.querySelector(".ripio-help-widget")?.shadowRoot;
    expect(shadow?.querySelector("button")?.textContent).toBe("Help");
    expect(recoverable).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    act(() => root.unmount());
  });
});
