// Click-to-load embeds (YouTube and the iframes of posts): the player is created only when the reader asks for
// it, so nothing is requested from a third party on page load. Without JavaScript the link opens the embed.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(".embed-link") : null;
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const figure = link.closest("[data-embed-src]");
  if (!figure) return;
  event.preventDefault();
  const player = document.createElement("iframe");
  player.className = "embed-player";
  player.src = figure.dataset.embedSrc;
  player.title = figure.dataset.embedTitle || "";
  if (figure.dataset.embedAllow) player.allow = figure.dataset.embedAllow;
  player.allowFullscreen = true;
  player.referrerPolicy = "strict-origin-when-cross-origin";
  link.replaceWith(player);
  player.focus();
});
