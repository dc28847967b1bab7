// Loaded first by every command (`node --import ./lib/typescript-loader.mjs`): Node 22.18 and newer run our
// TypeScript themselves by stripping its types, which starts faster than any loader; Node 20 needs tsx's. This
// one file is JavaScript because nothing can load TypeScript before it has run.
if (!process.features.typescript) await import("tsx");
