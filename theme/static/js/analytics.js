// Order analytics, only on pages built with EXPO_ANALYTICS (expo/site/analytics.py): one event per
// press of a WhatsApp or marketplace button (their data-offer, data-booth, data-product) and per
// cart message (cart.js calls expoOffer). No cookies, nothing stored. The event's name is
// "<channel>/<booth>", or "cart/<order code>": what `invoke stats --orders` reads back.
(function (root) {
  "use strict";
  var script = document.currentScript, provider = script && script.getAttribute("data-provider");

  function offer(o) {
    var name = o.code ? "cart/" + o.code : o.channel + "/" + o.booth;
    var props = {offer: name, booth: o.booth, channel: o.channel, product: o.product || ""};
    if (o.code) props.code = o.code;
    try {
      if (provider === "plausible") {
        // Plausible's queue for calls made before its script has run (plausible.io/docs/custom-event-goals)
        root.plausible = root.plausible || function () { (root.plausible.q = root.plausible.q || []).push(arguments); };
        root.plausible("Penawaran", {props: props});
      } else if (provider === "umami" && root.umami) {
        root.umami.track(name, props);  // umami.is/docs/tracker-functions
      } else if (provider === "goatcounter" && root.goatcounter && root.goatcounter.count) {
        // the path is the event's name (goatcounter.com/help/events)
        root.goatcounter.count({path: name, title: o.product || o.booth, event: true});
      }
    } catch (e) { /* counting must never stop an order */ }
  }
  root.expoOffer = offer;

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-offer]");
    if (button) {
      offer({channel: button.getAttribute("data-offer"), booth: button.getAttribute("data-booth"),
             product: button.getAttribute("data-product")});
    }
  });
})(this);
