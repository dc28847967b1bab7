// Loaded first by every command (`node --import ./lib/typescript-loader.mjs`): Node 22.18 and newer run our
// TypeScript themselves by stripping its types, which starts faster than any loader; Node 20 needs tsx's. This
// one file is JavaScript because nothing can load TypeScript before it has run.
import module from "node:module";

// Node 22.1 and newer keep what they compiled (our modules with their types stripped, Eleventy's, Nunjucks')
// between runs: a build starts about a quarter of a second sooner. A folder that cannot be written only costs that.
const compileCache = new URL("../.cache/node-compile/", import.meta.url).pathname;
module.enableCompileCache?.(compileCache);
process.env.NODE_COMPILE_CACHE ??= compileCache;

if (!process.features.typescript) await import("tsx");
