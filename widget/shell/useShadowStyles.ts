import { useEffect } from "react";

/** True where a shadow root can adopt a constructed stylesheet (no `<style>` element needed). */
export function canAdoptStyles(): boolean {
  return (
    typeof ShadowRoot !== "undefined" &&
    "adoptedStyleSheets" in ShadowRoot.prototype &&
    typeof CSSStyleSheet !== "undefined" &&
    "replaceSync" in CSSStyleSheet.prototype
  );
}

/**
 * Adopts `css` into `root` as a constructed stylesheet, which needs no CSP nonce, and
 * removes it on unmount. Callers fall back to a `<style nonce>` where `canAdoptStyles()`
 * is false.
 */
export function useShadowStyles(root: ShadowRoot | null, css: string, enabled: boolean): void {
  useEffect(() => {
    if (!root || !enabled) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [root, css, enabled]);
}
