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
