// The architecture rules of lib/ and shortcodes/ (README, "Architecture"), checked by `npm run check:architecture`
// as part of `npm test`. A post travels source → render → site → output; a folder may import the folders before it,
// never one after it. cache/ and errors.ts serve every folder and import none of them.

/** lib/ folders in the order a post travels through them. */
const flow = ["source", "render", "site", "output"];

const againstTheFlow = flow.slice(0, -1).map((folder, i) => ({
  name: `${folder}-before-${flow.slice(i + 1).join("-")}`,
  comment: `lib/${folder}/ comes before ${flow.slice(i + 1).map((later) => `lib/${later}/`).join(", ")}: it may not import them. Move the shared code to lib/${folder}/ (or earlier), or pass it in as a parameter.`,
  severity: "error",
  from: { path: `^lib/${folder}/` },
  to: { path: `^lib/(${flow.slice(i + 1).join("|")})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle of imports (type-only imports count): break it by moving the shared type or function to the earlier module.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    ...againstTheFlow,
    {
      name: "shortcodes-know-only-their-interface",
      comment: "A shortcode asks the build for what it needs through shortcodes/shortcode.ts (RenderContext, SiteLookup); only lib/errors.ts is shared.",
      severity: "error",
      from: { path: "^shortcodes/" },
      to: { path: "^lib/", pathNot: "^lib/errors\\.ts$" },
    },
    {
      name: "source-before-shortcodes",
      comment: "Reading a file (lib/source/) comes before expanding its shortcodes.",
      severity: "error",
      from: { path: "^lib/source/" },
      to: { path: "^shortcodes/" },
    },
    {
      name: "shared-modules-import-no-folder",
      comment: "lib/cache/, lib/errors.ts and lib/typescript-worker.ts are used by every folder, so they import none of them.",
      severity: "error",
      from: { path: "^lib/(cache/|errors\\.ts$|typescript-worker\\.ts$)" },
      to: { path: "^(lib/(source|render|site|output)/|lib/environment\\.ts$|shortcodes/)" },
    },
    {
      name: "environment-read-by-entry-points-only",
      comment: "Only eleventy.config.ts and scripts/ read the environment (lib/environment.ts); plugins are given options.",
      severity: "error",
      from: { path: "^(lib|shortcodes)/" },
      to: { path: "^lib/environment\\.ts$" },
    },
    {
      name: "build-code-imports-no-tests-or-scripts",
      severity: "error",
      from: { path: "^(lib|shortcodes)/|^eleventy\\.config\\.ts$" },
      to: { path: "^(test|scripts)/" },
    },
    {
      name: "build-code-uses-no-dev-dependencies",
      comment: "A dev dependency is not installed where the site is built with `npm ci --omit=dev`.",
      severity: "error",
      from: { path: "^(lib|shortcodes)/|^eleventy\\.config\\.ts$" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-orphans",
      comment: "A module nothing imports and that imports nothing: delete it, or use it.",
      severity: "error",
      from: { orphan: true, pathNot: ["\\.d\\.ts$"] },
      to: {},
    },
    {
      name: "no-unreachable-build-code",
      comment: "Build code that no entry point (eleventy.config.ts, scripts/) reaches is dead (tests alone keep it alive): delete it.",
      severity: "error",
      from: { path: "^(eleventy\\.config\\.ts|scripts/.+\\.ts)$" },
      // Started as worker threads from a URL (new URL("./x.ts", import.meta.url)), which no import names; the
      // TypeScript loader is given to node itself (`--import`).
      to: { path: "^(lib|shortcodes)/", pathNot: ["\\.d\\.ts$", "^lib/render/source-worker\\.ts$", "^lib/render/diagram-worker\\.mjs$", "^lib/typescript-loader\\.mjs$"], reachable: false },
    },
    {
      name: "no-unresolvable",
      comment: "An import that resolves to no file: the rules above would not see what it imports.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(test/fixtures|scripts/bench/(hugo|eleventy)-site)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
