/**
 * What a build has done so far, counted where it happens (pages written, images encoded or found in the cache,
 * pages indexed for search), for `npm run build`'s progress line and summary. Shared by every folder, importing
 * none: the counts are plain numbers, reset when a build starts.
 */
export interface BuildCounts {
  /** Pages Eleventy will write (known once its content map is made), and written so far. */
  pagesToWrite: number;
  pagesWritten: number;
  /** Image files the pages use: encoded by this build, or taken from the image cache. */
  imagesEncoded: number;
  imagesFromCache: number;
  /** Pages indexed for search (from the shard cache or afresh), and the time indexing took. */
  searchPages: number;
  searchMs: number;
}

export const buildCounts: BuildCounts = { pagesToWrite: 0, pagesWritten: 0, imagesEncoded: 0, imagesFromCache: 0, searchPages: 0, searchMs: 0 };

let listener: (() => void) | undefined;

/** Called after every count that changes what the progress line shows. */
export function onBuildProgress(callback: (() => void) | undefined): void {
  listener = callback;
}

export function resetBuildCounts(): void {
  Object.assign(buildCounts, { pagesToWrite: 0, pagesWritten: 0, imagesEncoded: 0, imagesFromCache: 0, searchPages: 0, searchMs: 0 });
}

export function countBuild(change: Partial<BuildCounts>): void {
  for (const [key, value] of Object.entries(change) as Array<[keyof BuildCounts, number]>) buildCounts[key] += value;
  listener?.();
}
