// Eleventy ships JSDoc types for its config object only; these describe the rest of what this project touches.
import type UserConfig from "@11ty/eleventy/UserConfig";

export type EleventyConfig = UserConfig;

/** One entry of an Eleventy collection, as collection callbacks and templates receive it. */
export interface CollectionItem<Data = Record<string, unknown>> {
  inputPath: string;
  url: string | false;
  outputPath: string | false;
  date: Date;
  data: Data;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
}
