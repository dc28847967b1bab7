// A worker thread that checks Mermaid diagrams with Mermaid's own parser. Mermaid expects a browser's window: this
// thread gives it one (linkedom), so that nothing on the build's main thread mistakes Node for a browser.
//
// Plain JavaScript, started without the TypeScript loader: through it, loading Mermaid's hundreds of modules takes
// 1.3 s instead of 0.5 s, and every cold build with a diagram paid that.
import { parentPort } from "node:worker_threads";
import { parseHTML } from "linkedom";

const { window } = parseHTML("<!doctype html><html><head></head><body></body></html>");
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import("mermaid");

parentPort.on("message", async ({ id, source }) => {
  try {
    const result = await mermaid.parse(source);
    parentPort.postMessage({ id, type: result ? result.diagramType : "unknown" });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
