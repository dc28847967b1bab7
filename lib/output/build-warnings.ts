/**
 * Warnings about the content (an image without alt text; with `strict: false`, every problem Hugo lets through),
 * printed as they are found, or, for `npm run build`, listed together once the build ends. They are also kept: a
 * later build that restores this build's output instead of building prints them again, so an author is not told
 * that all is well just because nothing changed.
 */
let found: string[] = [];
let deferred = false;

export function printWarnings(messages: string[]): void {
  if (messages.length === 0) return;
  found.push(...messages);
  if (!deferred) console.warn(formatWarnings(messages));
}

/** From now on, warnings wait to be listed when the build ends (`takeWarnings`), not printed as they come. */
export function deferWarnings(): void {
  deferred = true;
}

/** The warnings found since the last call. */
export function takeWarnings(): string[] {
  const taken = found;
  found = [];
  return taken;
}

export function formatWarnings(messages: readonly string[]): string {
  return `[blog] Warnings:\n${messages.map((message) => `  ${message}`).join("\n")}`;
}
