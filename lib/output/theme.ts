/**
 * Runs in <head> before anything is drawn, so a reader who chose a theme never sees the other one flash by, and
 * marks the page as scripted (`js` class) so the theme button takes its place from the first paint instead of
 * pushing the page down later. Inline (a request would delay the first paint), allowed by its hash in the CSP.
 */
export const themeScript =
  '(()=>{const r=document.documentElement;r.classList.add("js");try{const t=localStorage.getItem("theme");if(t==="dark"||t==="light")r.dataset.theme=t}catch{}})()';
