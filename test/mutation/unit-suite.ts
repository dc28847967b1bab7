/**
 * The unit tests of the code `npm run mutate` mutates (stryker.config.json), run in one process: Stryker runs this
 * once per mutant, so it must be quick (one process is about half the time of `node --test` over the files).
 * A failing test sets a non-zero exit code, which is how Stryker sees a mutant killed.
 */
await import("../unit/shortcodes/parse.test.ts");
await import("../unit/shortcodes/shortcodes.test.ts");
await import("../unit/shortcodes/shortcode-interface.test.ts");
await import("../unit/render/markdown.test.ts");
await import("../unit/render/render-body.test.ts");
await import("../unit/render/body-embeds.test.ts");
await import("../unit/source/front-matter.test.ts");
