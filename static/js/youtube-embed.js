// Swaps a YouTube link for the youtube-nocookie.com player only when the reader asks for it, so nothing is
// requested from YouTube on page load. Without JavaScript the link simply opens the video on YouTube.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(".youtube-embed-link") : null;
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const figure = link.closest(".youtube-embed");
  if (!figure) return;
  event.preventDefault();
  const params = new URLSearchParams(figure.dataset.youtubeParams || "");
  params.set("autoplay", "1");
  const player = document.createElement("iframe");
  player.className = "youtube-embed-player";
  player.src = `https://www.youtube-nocookie.com/embed/${encodeURIComponent(figure.dataset.youtubeId || "")}?${params}`;
  player.title = figure.dataset.youtubeTitle || "YouTube";
  player.allow = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share";
  player.allowFullscreen = true;
  player.referrerPolicy = "strict-origin-when-cross-origin";
  link.replaceWith(player);
  player.focus();
});
