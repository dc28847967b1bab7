// The theme button (shown by CSS only when scripts run): it switches between light and dark and remembers the
// choice (the inline script in <head> applies it before the page is drawn). Without a choice the system decides.
const root = document.documentElement;
const button = document.querySelector(".theme-toggle");
const systemDark = matchMedia("(prefers-color-scheme: dark)");
const isDark = () => (root.dataset.theme ?? (systemDark.matches ? "dark" : "light")) === "dark";
const update = () => button.setAttribute("aria-pressed", String(isDark()));

if (button) {
  update();
  button.addEventListener("click", () => {
    const next = isDark() ? "light" : "dark";
    root.dataset.theme = next;
    try {
      localStorage.setItem("theme", next);
    } catch {
      // Private browsing without storage: the choice lasts for this page only.
    }
    update();
  });
  systemDark.addEventListener("change", update);
}
