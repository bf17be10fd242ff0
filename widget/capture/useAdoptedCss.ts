import { useEffect, type RefObject } from "react";

/**
 * Adds `css` to the shadow root (or document) that `element` is in, for as long as the
 * component is mounted: a constructed stylesheet, which a strict Content-Security-Policy
 * allows without a nonce. Where those are missing, a `<style>` carrying the nonce of the
 * widget's own `<style>` in the same root (so the host's nonce covers it too).
 */
export function useAdoptedCss(element: RefObject<HTMLElement | null>, css: string): void {
  useEffect(() => {
    const root = element.current?.getRootNode();
    if (!(root instanceof ShadowRoot || root instanceof Document)) return;
    if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
    const style = document.createElement("style");
    const nonce = root.querySelector("style")?.nonce;
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    (root instanceof Document ? root.head : root).append(style);
    return () => style.remove();
  }, [element, css]);
}
