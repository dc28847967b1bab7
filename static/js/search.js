// The search page: asks the Pagefind index (built with the site) and lists the matching posts. The query lives
// in the address (?q=…), so results can be linked and the back button works.
const form = document.querySelector(".search-form");
const input = document.querySelector("#search-input");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
let pagefind;

// The index comes in shards (a large site re-indexes only the shards whose posts changed): load the first,
// merge the others.
async function loadIndex() {
  const root = form.dataset.pagefindBundle;
  const { bundles } = await fetch(root + "shards.json").then((response) => response.json());
  const module = await import(root + bundles[0] + "pagefind.js");
  await module.options({ baseUrl: form.dataset.baseUrl });
  for (const bundle of bundles.slice(1)) await module.mergeIndex(root + bundle);
  return module;
}

async function search(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  try {
    pagefind ??= await loadIndex();
    const response = await pagefind.search(query);
    const results = await Promise.all(response.results.slice(0, 20).map((result) => result.data()));
    if (input.value !== query) return;
    const count = response.results.length;
    status.textContent = count === 0 ? status.dataset.none : count === 1 ? status.dataset.countOne : status.dataset.count.replace("{count}", String(count));
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title || result.url;
      const excerpt = document.createElement("p");
      // Pagefind escapes the page text and marks the matches with <mark>.
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      list.append(item);
    }
  } catch (error) {
    status.textContent = status.dataset.error;
    console.warn(error);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  search(input.value);
});

const initial = new URL(location.href).searchParams.get("q");
if (initial) {
  input.value = initial;
  search(initial);
}
