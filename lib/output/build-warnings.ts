/**
 * Warnings about the content (an image without alt text, a missing image let through), printed once per build.
 * They are also kept: a later build that restores this build's output instead of building prints them again,
 * so an author is not told that all is well just because nothing changed.
 */
let printed: string[] = [];

export function printWarnings(messages: string[]): void {
  if (messages.length === 0) return;
  const text = `[blog] Warnings:\n${messages.map((message) => `  ${message}`).join("\n")}`;
  console.warn(text);
  printed.push(text);
}

/** What this process has printed since the last call. */
export function takePrintedWarnings(): string[] {
  const taken = printed;
  printed = [];
  return taken;
}
