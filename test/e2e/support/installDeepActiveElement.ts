import type { BrowserContext } from "playwright-core";

/** Defines `deepActiveElement()` in every page: the focused element inside open shadow roots. */
export async function installDeepActiveElement(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { deepActiveElement: () => Element | null }).deepActiveElement = () => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    };
  });
}
