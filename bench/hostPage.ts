/**
 * The bench's host page: a shop-like page whose own script runs a fixed amount of JS and
 * builds a product list of a few thousand DOM nodes (no timers, no clock: the same work on
 * every load), so the page has a script time the widget's can be compared with. With
 * `widgetTag`, the page also embeds the widget exactly as the README says (async tag in head).
 */
export function hostPage(widgetTag: string | null): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Acme Outfitters</title>
${widgetTag ?? ""}
<style>body{font:16px system-ui;margin:0}.row{display:flex;gap:8px;padding:4px}</style>
</head>
<body>
<header><h1>Acme Outfitters</h1><nav><a href="#">Shop</a> <a href="#">Account</a></nav></header>
<main id="app"></main>
<script>
(function () {
  // Steady CPU work (a price table hashed and ranked) that allocates little, so GC pauses
  // do not make one load differ from the next; then the DOM a storefront builds.
  var prices = new Float64Array(4000);
  var seed = 7;
  for (var round = 0; round < 1500; round++) {
    for (var i = 0; i < prices.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      prices[i] = (prices[i] * 0.5 + (seed % 10007) / 100) * 0.999;
    }
  }
  var top = Array.prototype.slice.call(prices, 0, 1500).sort(function (a, b) { return a - b; });
  var list = document.createElement("ul");
  for (var n = 0; n < 1500; n++) {
    var item = document.createElement("li");
    item.className = "row";
    var name = document.createElement("span");
    name.textContent = "Product " + n;
    var price = document.createElement("b");
    price.textContent = "$" + top[n].toFixed(2);
    item.append(name, price);
    list.append(item);
  }
  document.getElementById("app").append(list);
  window.hostReady = seed;
})();
</script>
</body>
</html>`;
}
