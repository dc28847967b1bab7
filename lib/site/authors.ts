import fs from "node:fs";
import path from "node:path";
import { AuthorError } from "../errors.ts";
import { publish, responsiveImage, type ResponsiveImage } from "../render/images.ts";
import { authorsFolder, imageFinder, loadAuthors, type AuthorProfile } from "../source/authors.ts";
import { siteSettingsFile, type SiteSettings } from "../source/site-settings.ts";

/** An author as pages show them: the profile, its picture encoded for the page, and its page of posts. */
export interface AuthorCard extends Omit<AuthorProfile, "image"> {
  avatar: ResponsiveImage | undefined;
  /** The author's page of posts in the page's language (`/authors/<id>/`), when there is one. */
  page: string | undefined;
}

export interface SiteAuthors {
  /** The site's author (settings `author`), when it has a name. */
  site: AuthorCard | undefined;
  /** Every `_data/authors/<id>.json`, by id. */
  byId: Map<string, AuthorCard>;
}

/**
 * Reads the authors and encodes their pictures (a small square-ish picture, twice as wide for sharp screens),
 * once per build, before the pages ask for them.
 */
export async function prepareAuthors(contentDir: string, staticDir: string, settings: SiteSettings): Promise<SiteAuthors> {
  const findImage = imageFinder(contentDir, staticDir);
  const card = async (profile: AuthorProfile, fromFile: string): Promise<AuthorCard> => {
    const { image, ...rest } = profile;
    if (!image) return { ...rest, avatar: undefined, page: undefined };
    // An author's file was read when it last changed; its picture may have gone since (under the dev server).
    const file = profile.id === "" ? findImage(image) : fs.existsSync(image) ? image : undefined;
    const shownFile = (written: string) => path.relative(written.startsWith(contentDir) ? contentDir : path.dirname(contentDir), written);
    const settingName = profile.id === "" ? `"author.image" in the settings` : `"image" in ${shownFile(profile.file ?? `${authorsFolder}/${profile.id}.json`)}`;
    if (!file) {
      throw new AuthorError({ file: fromFile }, `The author's picture "${image}" is in neither the content folder nor static/`, `Put the picture there, or correct ${settingName}`);
    }
    let encoded: Awaited<ReturnType<typeof responsiveImage>>;
    try {
      encoded = await responsiveImage(file, "avatar");
    } catch (error) {
      throw new AuthorError({ file: fromFile }, `The author's picture "${image}" could not be read as an image (${(error as Error).message})`, `Save it again as JPEG, PNG, WebP or AVIF, or correct ${settingName}`);
    }
    publish(encoded.files);
    return { ...rest, avatar: encoded.image, page: undefined };
  };
  const byId = new Map<string, AuthorCard>();
  for (const [id, profile] of loadAuthors(contentDir, staticDir)) byId.set(id, await card(profile, profile.file ?? `${contentDir}/${authorsFolder}/${id}.json`));
  const site = settings.author.name ? await card(settings.author, `${contentDir}/${siteSettingsFile}`) : undefined;
  return { site, byId };
}
