import { Worker, type WorkerOptions } from "node:worker_threads";

/** The module every command is started with (`node --import <it>`): it makes Node able to run our TypeScript. */
export const typescriptLoader = new URL("./typescript-loader.mjs", import.meta.url);

/** The Node options that start one of our TypeScript entry points in a new process (tests, benchmarks). */
export const typescriptNodeArgs = ["--import", typescriptLoader.href];

/**
 * A worker thread running one of our TypeScript modules: a fresh thread has no loader, so where Node cannot strip
 * types itself (Node 20) the worker installs tsx's first.
 */
export function startTypeScriptWorker(module: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  // Typed for Node 20 (@types/node 20), which has no such feature.
  if ((process.features as { typescript?: string | false }).typescript) return new Worker(module, options);
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
