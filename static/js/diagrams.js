// Diagrams of the types the build cannot draw (pie, gantt, mindmap…): Mermaid, served from this site beside this
// script, draws them here, in the page's theme. Until it has (and without JavaScript) the reader sees the source.
const diagrams = [...document.querySelectorAll(".diagram-in-browser pre.mermaid")];
const mermaidModule = new URL("mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
if (diagrams.length > 0) {
  const dark = (document.documentElement.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light")) === "dark";
  import(mermaidModule).then(async ({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
    await mermaid.run({ nodes: diagrams });
    for (const drawn of diagrams) {
      drawn.setAttribute("role", "img");
      drawn.setAttribute("aria-label", drawn.closest("[data-label]")?.dataset.label ?? "Diagram");
    }
  });
}
