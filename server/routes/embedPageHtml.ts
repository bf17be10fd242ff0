/** What `/embed.html` needs to render one host page. */
export interface EmbedPageParams {
  customerToken: string;
  nonce: string;
  locale?: string;
  theme?: string;
  /** The host's `context` entries as JSON, for the script tag's `data-context`. */
  context?: string;
}

const escapeAttr = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// The host's own CSS clashes on purpose: loud fonts, colours, sizes and inherited text
// properties on every element (the widget's host element included), so that any leak into
// (or out of) the widget's shadow root shows. Loud, but responsive like a real site: on a
// phone nothing is wider than the screen, so the fixed launcher stays in view.
const HOST_CSS = `
* {
  font-family: "Comic Sans MS", cursive !important; color: #8b0000; letter-spacing: 1px;
  word-spacing: 6px; font-style: italic; font-variant: small-caps; text-indent: 8px;
  text-shadow: 1px 1px 0 #f9c; line-height: 2.2; cursor: crosshair;
}
body {
  background: #fffbe6; margin: 0; padding: 24px clamp(12px, 5vw, 40px); font-size: 22px;
  text-transform: uppercase; text-align: right;
}
button { background: hotpink; border: 6px dotted lime; padding: 30px; font-size: 30px; }
input, textarea { border: 5px dashed orange; font-size: 40px; }
button, input, textarea { max-width: 100%; box-sizing: border-box; }
div { margin: 12px; }
[role="dialog"] { transform: rotate(3deg); }
`;

/** A plain customer page that embeds the widget by its script tag alone, as the README says. */
export function embedPageHtml(params: EmbedPageParams): string {
  const data = [
    `data-customer-token="${escapeAttr(params.customerToken)}"`,
    params.locale ? `data-locale="${escapeAttr(params.locale)}"` : "",
    params.theme ? `data-theme="${escapeAttr(params.theme)}"` : "",
    params.context ? `data-context="${escapeAttr(params.context)}"` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Outfitters — a host page with the help widget</title>
<style nonce="${params.nonce}">${HOST_CSS}</style>
</head>
<body>
<header><h1>Acme Outfitters</h1><nav><a href="#orders">Orders</a> · <a href="#account">Account</a></nav></header>
<main>
<h2>Your orders</h2>
<p>This page stands in for a customer's own site: its own styles, a strict Content Security
Policy, and the help widget added by one script tag.</p>
<p><button type="button">Host page button</button></p>
<p><label>Host page search <input type="search"></label></p>
</main>
<script src="/help-widget.js" async nonce="${params.nonce}" ${data}></script>
</body>
</html>
`;
}

/** The strict CSP the embed page is served with: no inline code, no eval. */
export function embedPageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
