// Video facade: the page loads no player and sends nothing to the video host until the visitor
// taps play. Then the privacy-enhanced player (youtube-nocookie / Vimeo dnt=1) replaces the link.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.video-facade[data-embed]");
  if (!link) return;
  var src = link.getAttribute("data-embed");
  if (!/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(src)) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = src;
  frame.title = link.getAttribute("data-title") || "Video";
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  link.parentNode.replaceChild(frame, link);
});

// Photos marked data-defer (expo/site/pictures.py) load once they come on screen, or as soon as
// the visitor starts swiping their gallery; a browser's own lazy loading fetches far too early.
(function () {
  function reveal(img) {
    if (!img.hasAttribute("data-defer")) return;
    img.removeAttribute("data-defer");
    Array.prototype.forEach.call(img.parentNode.querySelectorAll("[data-srcset]"), function (node) {
      node.setAttribute("srcset", node.getAttribute("data-srcset"));
      node.removeAttribute("data-srcset");
    });
    img.src = img.getAttribute("data-src");
  }
  var waiting = document.querySelectorAll("img[data-defer]");
  if (!("IntersectionObserver" in window)) { Array.prototype.forEach.call(waiting, reveal); return; }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { observer.unobserve(entry.target); reveal(entry.target); }
    });
  }, {rootMargin: "0px 0px 200px 0px"});
  Array.prototype.forEach.call(waiting, function (img) { observer.observe(img); });
  Array.prototype.forEach.call(document.querySelectorAll(".gallery.swipe"), function (gallery) {
    gallery.addEventListener("scroll", function () {
      Array.prototype.forEach.call(gallery.querySelectorAll("img[data-defer]"), reveal);
    }, {once: true, passive: true});
  });
})();

// "Copy link": the phone's own share sheet where it has one (Web Share API), else the clipboard.
Array.prototype.forEach.call(document.querySelectorAll("button[data-share]"), function (button) {
  var url = button.getAttribute("data-url") || location.href;
  var status = button.parentNode.querySelector(".share-status");
  if (!navigator.share && !(navigator.clipboard && navigator.clipboard.writeText)) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    if (navigator.share) {
      navigator.share({title: button.getAttribute("data-title"), url: url}).catch(function () {});
      return;
    }
    navigator.clipboard.writeText(url).then(function () { status.textContent = button.getAttribute("data-done"); });
  });
});
