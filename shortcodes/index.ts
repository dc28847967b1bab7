import { alert } from "./alert.ts";
import { article } from "./article.ts";
import { badge } from "./badge.ts";
import { button } from "./button.ts";
import { comment } from "./comment.ts";
import { details } from "./details.ts";
import { figure } from "./figure.ts";
import { codeberg, forgejo, gitea } from "./forge.ts";
import { gallery } from "./gallery.ts";
import { gist } from "./gist.ts";
import { github } from "./github.ts";
import { gitlab } from "./gitlab.ts";
import { highlight } from "./highlight.ts";
import { huggingface } from "./huggingface.ts";
import { icon } from "./icon.ts";
import { instagram } from "./instagram.ts";
import { katex } from "./katex.ts";
import { keyword, keywordList } from "./keyword.ts";
import { lead } from "./lead.ts";
import { mermaid } from "./mermaid.ts";
import { param } from "./param.ts";
import { qr } from "./qr.ts";
import { ref, relref } from "./ref.ts";
import type { Shortcode } from "./shortcode.ts";
import { timeline, timelineItem } from "./timeline.ts";
import { tweet } from "./tweet.ts";
import { vimeo } from "./vimeo.ts";
import { x } from "./x.ts";
import { youtube } from "./youtube.ts";

/** The one registry of shortcodes: a call's name is looked up here (and among the site's own) and nowhere else. */
export const shortcodes: ReadonlyMap<string, Shortcode> = new Map(
  (
    [
      alert, article, badge, button, codeberg, comment, details, figure, forgejo, gallery, gist, gitea, github, gitlab, highlight,
      huggingface, icon, instagram, katex, keyword, keywordList, lead, mermaid, param, qr, ref, relref, timeline, timelineItem,
      tweet, vimeo, x, youtube,
    ] as Shortcode[]
  ).map((shortcode) => [shortcode.name, shortcode]),
);
