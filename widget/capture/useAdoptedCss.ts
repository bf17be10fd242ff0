import { useEffect, type RefObject } from "react";
import { injectStyles } from "../shell/injectStyles.ts";

/**
 * Adds `css` to the widget's shadow root that `element` is in, while the component is mounted
 * (see `injectStyles`). Where a `<style>` is needed, it carries the nonce of the widget's own
 * `<style>` in that root, so the host's nonce covers the capture chunk's styles too.
 */
export function useAdoptedCss(element: RefObject<HTMLElement | null>, css: string): void {
  useEffect(() => {
    const root = element.current?.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    return injectStyles(root, css, root.querySelector("style")?.nonce);
  }, [element, css]);
}
