// Blowfish's `enableCodeCopy`: a button on each code block of a post that copies its text. Added by this script,
// so a reader without scripts sees no button that cannot work. Its labels come in the page's language from the
// script element's data attributes.
const labels = document.currentScript?.dataset ?? {};

for (const pre of document.querySelectorAll(".post-content pre")) {
  const block = document.createElement("div");
  block.className = "code-block";
  pre.replaceWith(block);
  block.append(pre);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "code-copy";
  button.textContent = labels.copy ?? "Copy";
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(pre.innerText.replace(/\n$/, ""));
      button.textContent = labels.copied ?? "Copied";
    } catch {
      // No clipboard here (an insecure page, a refused permission): select the code for the reader to copy.
      getSelection()?.selectAllChildren(pre);
    }
    setTimeout(() => (button.textContent = labels.copy ?? "Copy"), 2000);
  });
  block.append(button);
}
