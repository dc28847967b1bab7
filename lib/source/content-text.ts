import fs from "node:fs";
import { AuthorError } from "../errors.ts";

/** A content file's text, and what was wrong with its bytes when that was let through. */
export interface ContentText {
  text: string;
  warnings: AuthorError[];
}

const strictDecoder = new TextDecoder("utf-8", { fatal: true });
const lenientDecoder = new TextDecoder("utf-8");

/**
 * Reads a content file as the UTF-8 text it must be. A file that cannot be read, or holds binary data under a
 * Markdown name, is an error; bytes that are not UTF-8 are an error naming the first one's place, or, when the
 * site lets it through (`strict: false`), a warning and U+FFFD in their place.
 */
export function readContentText(file: string, tolerateInvalidUtf8: boolean): ContentText {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new AuthorError({ file }, `The file cannot be read (${code ?? message})`, "Check that it exists and that its permissions let you read it, or remove it");
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1 || looksBinary(bytes)) {
    throw new AuthorError(
      { file, ...(nul === -1 ? {} : placeOf(bytes, nul)) },
      `This is a binary file, not text${nul === -1 ? "" : ` (a NUL byte at byte offset ${nul})`}`,
      "A Markdown file must hold text: move this file out of the content folder or give it its real extension",
    );
  }
  try {
    return { text: strictDecoder.decode(bytes), warnings: [] };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const problem = new AuthorError(
      { file, ...placeOf(bytes, offset) },
      `The file is not valid UTF-8: byte 0x${bytes[offset]!.toString(16).padStart(2, "0").toUpperCase()} at byte offset ${offset} starts no character`,
      "Save the file as UTF-8 in your editor (it may be in GBK, Big5 or Latin-1)",
    );
    if (!tolerateInvalidUtf8) throw problem;
    return { text: lenientDecoder.decode(bytes), warnings: [problem] };
  }
}

/** Line and column (counted in characters) of a byte offset. */
function placeOf(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (let i = before.indexOf(0x0a); i !== -1; i = before.indexOf(0x0a, i + 1)) line++;
  return { line, column: lenientDecoder.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Control characters other than tab, line breaks and form feed make up a tenth of the first 8 KB. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const sequence = bytes.subarray(i, i + length);
    if (sequence.length < length) return i;
    try {
      strictDecoder.decode(sequence);
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
