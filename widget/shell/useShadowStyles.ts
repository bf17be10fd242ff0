import { useEffect } from "react";
import { injectStyles } from "./injectStyles.ts";

/** Puts `css` into `root` while mounted (see `injectStyles`: adopted sheet, else `<style nonce>`). */
export function useShadowStyles(root: ShadowRoot | null, css: string, nonce?: string): void {
  useEffect(() => (root ? injectStyles(root, css, nonce) : undefined), [root, css, nonce]);
}
