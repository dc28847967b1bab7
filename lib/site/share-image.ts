import { AuthorError } from "../errors.ts";
import { publish, socialImage } from "../render/images.ts";
import { imageFinder } from "../source/authors.ts";

/** The site's picture for link previews of pages that have no feature image of their own (1200×630). */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
}

/**
 * Encodes the setting `shareImage` (Blowfish's `defaultFeaturedImage`): a picture of the content folder, or of the
 * Hugo site's `assets/` or `static/`, cropped to the size link previews show. A missing or unreadable one is named.
 */
export async function prepareShareImage(contentDir: string, staticDir: string, written: string | undefined, settingsFiles: readonly string[]): Promise<ShareImage | undefined> {
  if (!written) return undefined;
  const where = { file: settingsFiles[0] ?? contentDir };
  const file = imageFinder(contentDir, staticDir)(written);
  if (!file) throw new AuthorError(where, `The share image "${written}" is in neither the content folder nor the site's assets/ or static/`, 'Put the picture there, or correct "shareImage" (Hugo: params.defaultFeaturedImage)');
  try {
    const { url, width, height, files } = await socialImage(file);
    publish(files);
    return { url, width, height };
  } catch (error) {
    throw new AuthorError(where, `The share image "${written}" could not be read as an image (${(error as Error).message})`, "Save it again as JPEG, PNG, WebP or AVIF");
  }
}
