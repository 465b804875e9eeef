// The cart's message building (theme/static/js/cart.js), run by tests/test_cart.py with `node --test`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const cart = require("../../theme/static/js/cart.js");

const INDONESIAN = {
  lang: "id", expo: "Expo UMKM", codePrefix: "UVO26",
  message: "Halo {booth}, saya ingin memesan dari {expo}:\n{items}\nTotal: {total}\nKode pesanan: {code}",
  item: "- {quantity} × {product} @ {price} = {subtotal}", itemAsk: "- {quantity} × {product} ({price})",
  note: "  Catatan: {note}", ask: "mohon info harganya",
  totalAsk: "{total} + barang yang harganya perlu ditanyakan",
};
const ENGLISH = Object.assign({}, INDONESIAN, {
  lang: "en", expo: "Virtual UMKM Expo",
  message: "Hello {booth}, I would like to order from {expo}:\n{items}\nTotal: {total}\nOrder code: {code}",
  item: "- {quantity} × {product} @ {price} = {subtotal}", itemAsk: "- {quantity} × {product} ({price})",
  note: "  Note: {note}", ask: "please tell me the price", totalAsk: "{total} + items whose price I need to ask",
});

function item(id, booth, fields) {
  return Object.assign({id: booth + "/" + id, booth: booth, boothName: booth === "batik" ? "Batik Sari" : "Keripik Bu Sri",
                        boothCode: booth === "batik" ? "YNR" : "9HP", wa: booth === "batik" ? "6281234567890" : "6285600001111",
                        name: {id: id, en: id + " (en)"}, price: 150000, priceText: "Rp150.000", qty: 1, note: ""}, fields);
}

const ITEMS = [
  item("Selendang", "batik", {qty: 2, note: "warna  biru\n tua"}),
  item("Keripik Tempe", "keripik", {price: 15000, priceText: "Rp15.000", qty: 3}),
  item("Kain Parang", "batik", {price: null, priceText: "Rp850.000 – Rp1.200.000"}),
];
const SUFFIXES = {batik: "3F2A", keripik: "0B7C"};

test("one order per exhibitor, in the order the booths were first added", () => {
  const orders = cart.orders(ITEMS, INDONESIAN, SUFFIXES);
  assert.deepEqual(orders.map((o) => [o.booth, o.code, o.items.length]),
                   [["batik", "UVO26-YNR-3F2A", 2], ["keripik", "UVO26-9HP-0B7C", 1]]);
  assert.ok(orders[0].link.startsWith("https://wa.me/6281234567890?text="));
  assert.ok(orders[1].link.startsWith("https://wa.me/6285600001111?text="));
  assert.equal(decodeURIComponent(orders[1].link.split("?text=")[1]), orders[1].message);
});

test("each line has quantity, unit price and subtotal; the note follows; the total sums", () => {
  const [batik, keripik] = cart.orders(ITEMS, INDONESIAN, SUFFIXES);
  assert.equal(keripik.message,
    "Halo Keripik Bu Sri, saya ingin memesan dari Expo UMKM:\n" +
    "- 3 × Keripik Tempe @ Rp15.000 = Rp45.000\n" +
    "Total: Rp45.000\nKode pesanan: UVO26-9HP-0B7C");
  assert.equal(batik.message,
    "Halo Batik Sari, saya ingin memesan dari Expo UMKM:\n" +
    "- 2 × Selendang @ Rp150.000 = Rp300.000\n" +
    "  Catatan: warna biru tua\n" +
    "- 1 × Kain Parang (Rp850.000 – Rp1.200.000)\n" +
    "Total: Rp300.000 + barang yang harganya perlu ditanyakan\nKode pesanan: UVO26-YNR-3F2A");
});

test("the English site sends an English message with the English product names", () => {
  const [, keripik] = cart.orders(ITEMS, ENGLISH, SUFFIXES);
  assert.equal(keripik.message,
    "Hello Keripik Bu Sri, I would like to order from Virtual UMKM Expo:\n" +
    "- 3 × Keripik Tempe (en) @ Rp15.000 = Rp45.000\nTotal: Rp45.000\nOrder code: UVO26-9HP-0B7C");
});

test("a product without any price asks for it", () => {
  const [order] = cart.orders([item("Batik Custom", "batik", {price: null, priceText: null})], INDONESIAN, SUFFIXES);
  assert.match(order.message, /- 1 × Batik Custom \(mohon info harganya\)\nTotal: mohon info harganya\n/);
});

test("a booth without plain WhatsApp digits gets no link", () => {
  const [order] = cart.orders([item("X", "batik", {wa: "62812?text=evil"})], INDONESIAN, SUFFIXES);
  assert.equal(order.link, null);
});

test("rupiah like the server: Rp150.000", () => {
  assert.deepEqual([0, 999, 1000, 150000, 1200000].map(cart.rupiah),
                   ["Rp0", "Rp999", "Rp1.000", "Rp150.000", "Rp1.200.000"]);
});
