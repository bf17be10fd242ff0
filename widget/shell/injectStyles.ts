/**
 * Puts `css` into a shadow root without `unsafe-inline`: a constructable stylesheet where
 * the browser has them (CSP does not apply to those), else a `<style>` carrying the nonce.
 * Returns a function that takes the styles out again. The loader uses it too, so it stays
 * free of React and of anything else.
 */
export function injectStyles(root: ShadowRoot, css: string, nonce?: string): () => void {
  if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }
  const style = document.createElement("style");
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.append(style);
  return () => style.remove();
}
