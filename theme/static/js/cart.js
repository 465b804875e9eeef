// WhatsApp cart: products from several booths, kept in this browser (localStorage), sent as one
// prefilled wa.me message per booth. No server. Page data comes from JSON blocks the build
// escapes (expo/site/cart.py); visitor and exhibitor text only ever goes into textContent.
(function (root) {
  "use strict";

  // The template rule of expo/site/orders.py order_message: unknown placeholders stay, an empty
  // "()" goes, runs of spaces become one, lines are trimmed, at most one empty line in a row.
  function fill(template, fields) {
    var text = template.replace(/\r\n/g, "\n").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(fields, key) ? String(fields[key] == null ? "" : fields[key]) : all;
    });
    text = text.replace(/\(\s*\)/g, "");
    text = text.split("\n").map(function (line) { return line.replace(/[ \t]+/g, " ").trim(); }).join("\n");
    return text.replace(/\n{3,}/g, "\n\n").trim();
  }

  function rupiah(amount) {
    return "Rp" + String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function itemLines(item, text) {
    var name = item.name[text.lang] || item.name.id;
    var line = item.price == null
      ? fill(text.itemAsk, {quantity: item.qty, product: name, price: item.priceText || text.ask})
      : fill(text.item, {quantity: item.qty, product: name, price: rupiah(item.price), subtotal: rupiah(item.qty * item.price)});
    var note = (item.note || "").replace(/\s+/g, " ").trim();
    // Item templates start with "- " or "  ": keep that indent, which fill() trims.
    var lines = [text.item.match(/^\s*/)[0] + line];
    if (note) lines.push(text.note.match(/^\s*/)[0] + fill(text.note, {note: note}));
    return lines;
  }

  // One order per booth, in the order the booths were first added: its code, message and link.
  // `suffixes` maps a booth to the random part of its order code.
  function orders(items, text, suffixes) {
    var byBooth = [], index = {};
    items.forEach(function (item) {
      if (!(item.booth in index)) {
        index[item.booth] = byBooth.length;
        byBooth.push({booth: item.booth, boothName: item.boothName, wa: item.wa, items: []});
      }
      byBooth[index[item.booth]].items.push(item);
    });
    return byBooth.map(function (order) {
      var lines = [], known = 0, unknown = false;
      order.items.forEach(function (item) {
        lines = lines.concat(itemLines(item, text));
        if (item.price == null) unknown = true; else known += item.qty * item.price;
      });
      var total = unknown ? (known ? fill(text.totalAsk, {total: rupiah(known)}) : text.ask) : rupiah(known);
      order.code = text.codePrefix + "-" + order.items[0].boothCode + "-" + suffixes[order.booth];
      order.total = total;
      order.message = fill(text.message, {booth: order.boothName, expo: text.expo, items: "\u0000",
                                          total: total, code: order.code}).replace("\u0000", lines.join("\n"));
      order.link = /^\d+$/.test(order.wa) ? "https://wa.me/" + order.wa + "?text=" + encodeURIComponent(order.message) : null;
      return order;
    });
  }

  var api = {fill: fill, rupiah: rupiah, orders: orders};
  if (typeof module === "object" && module.exports) { module.exports = api; return; }
  root.expoCart = api;

  // --- in the browser
  // One cart per site: two expos on one host (user.github.io/a/, user.github.io/b/) keep theirs apart.
  var script = document.currentScript;
  var KEY = "expo-cart:" + (script ? script.src.replace(/theme\/js\/cart\.js.*$/, "") : "");
  function load() {
    try { var data = JSON.parse(localStorage.getItem(KEY)); return data && data.items ? data : {items: [], codes: {}}; }
    catch (e) { return {items: [], codes: {}}; }
  }
  function save(cart) { try { localStorage.setItem(KEY, JSON.stringify(cart)); } catch (e) { /* private mode */ } }
  function data(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
  function suffix() {
    var bytes = new Uint8Array(2); crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("").toUpperCase();
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }
  function showCount(cart) {
    var count = cart.items.reduce(function (n, item) { return n + item.qty; }, 0);
    document.querySelectorAll("[data-cart-count]").forEach(function (node) { node.textContent = count ? "(" + count + ")" : ""; });
    document.querySelectorAll("[data-cart-link]").forEach(function (node) { node.hidden = false; });
  }

  function addButton(cart) {
    var product = data("cart-product"), button = document.querySelector("[data-cart-add]");
    if (!product || !button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      cart = load();
      var found = cart.items.filter(function (item) { return item.id === product.id; })[0];
      if (found) found.qty = Math.min(found.qty + 1, 999);
      else cart.items.push(Object.assign({qty: 1, note: ""}, product));
      save(cart); showCount(cart);
      var status = document.querySelector("[data-cart-status]");
      if (status) status.hidden = false;
    });
  }

  function cartPage(cart) {
    var text = data("cart-text"), list = document.querySelector("[data-cart-list]");
    if (!text || !list) return;
    var root = list.getAttribute("data-root") || "";
    function render() {
      cart.items.forEach(function (item) { if (!cart.codes[item.booth]) cart.codes[item.booth] = suffix(); });
      save(cart); showCount(cart);
      list.textContent = "";
      document.querySelector("[data-cart-empty]").hidden = cart.items.length > 0;
      orders(cart.items, text, cart.codes).forEach(function (order) {
        var section = el("section", {"class": "cart-booth"});
        section.appendChild(el("h2", {}, order.boothName));
        order.items.forEach(function (item) {
          var row = el("div", {"class": "cart-item"}), id = "q-" + item.id.replace(/\W/g, "-");
          row.appendChild(el("a", {href: root + text.prefix + item.path}, item.name[text.lang] || item.name.id));
          row.appendChild(el("p", {"class": "price"}, item.price == null ? (item.priceText || text.ask) : rupiah(item.price)));
          var qty = el("input", {type: "number", min: "1", max: String(text.maxQuantity), inputmode: "numeric", id: id, value: String(item.qty)});
          var note = el("input", {type: "text", maxlength: String(text.maxNote), id: id + "-n", value: item.note || ""});
          qty.addEventListener("change", function () {
            item.qty = Math.max(1, Math.min(text.maxQuantity, parseInt(qty.value, 10) || 1)); render();
          });
          note.addEventListener("change", function () { item.note = note.value.slice(0, text.maxNote); render(); });
          var remove = el("button", {type: "button", "class": "button"}, text.remove);
          remove.addEventListener("click", function () {
            cart.items.splice(cart.items.indexOf(item), 1);
            if (!cart.items.some(function (i) { return i.booth === item.booth; })) delete cart.codes[item.booth];
            render();
          });
          row.appendChild(el("label", {"for": id}, text.quantity)); row.appendChild(qty);
          row.appendChild(el("label", {"for": id + "-n"}, text.noteLabel)); row.appendChild(note);
          row.appendChild(remove);
          section.appendChild(row);
        });
        section.appendChild(el("p", {"class": "cart-total"}, text.total + ": " + order.total + " · " + text.code + ": " + order.code));
        if (order.link) {
          var send = el("a", {"class": "button whatsapp", href: order.link, rel: "noopener", target: "_blank"},
                        fill(text.send, {booth: order.boothName}));
          // Order analytics (js/analytics.js, only with EXPO_ANALYTICS): one event per message, with its code
          send.addEventListener("click", function () {
            if (window.expoOffer) window.expoOffer({channel: "cart", booth: order.booth, code: order.code,
              product: order.items.map(function (i) { return i.id.slice(order.booth.length + 1); }).join(" ")});
          });
          section.appendChild(send);
        }
        list.appendChild(section);
      });
    }
    render();
  }

  var cart = load();
  showCount(cart);
  addButton(cart);
  cartPage(cart);
})(this);
