import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread running one of our TypeScript modules: the worker first installs the same loader the build
 * runs under, since a fresh thread has none.
 */
export function startTypeScriptWorker(module: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
