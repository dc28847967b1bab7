import { ParamError, Params, type HighlightOptions, type Shortcode } from "./shortcode.ts";

export interface HighlightParams {
  language: string | undefined;
  options: HighlightOptions;
}

/**
 * Hugo's `{{< highlight go "linenos=table,hl_lines=2 4-6,linenostart=10" >}}code{{< /highlight >}}`: the inner
 * text as a highlighted code block, with numbered and marked lines.
 */
export const highlight: Shortcode<HighlightParams> = {
  name: "highlight",
  takesInner: true,
  readParams(args) {
    const params = new Params("highlight", args, { named: [], positional: 2 });
    return { language: params.string("language", 0), options: readOptions(params.string("options", 1) ?? "") };
  },
  render({ language, options }, { inner, highlight: highlightCode }) {
    // The code starts after the line break that follows the opening tag, and ends before the closing one.
    const code = (inner?.source ?? "").replace(/^\r?\n/, "").replace(/\r?\n$/, "");
    return highlightCode(code, language, options);
  },
};

/** Hugo's options string: `key=value` pairs separated by commas (`hl_lines=2 4-6` lists lines and ranges). */
function readOptions(text: string): HighlightOptions {
  const highlightLines = new Set<number>();
  const options: HighlightOptions = { lineNumbers: false, lineNumberStart: 1, highlightLines };
  for (const match of text.matchAll(/(\w+)\s*=\s*("[^"]*"|\[[^\]]*\]|[^,]+)/g)) {
    const key = match[1]!.toLowerCase();
    const value = match[2]!.trim().replace(/^["[]|["\]]$/g, "");
    if (key === "linenos") options.lineNumbers = value !== "false";
    else if (key === "linenostart") {
      if (!/^\d+$/.test(value)) throw new ParamError(`linenostart must be a whole number, not "${value}"`, 'Write "linenos=table,linenostart=10"');
      options.lineNumberStart = Number(value);
    } else if (key === "hl_lines") {
      for (const range of value.split(/[\s,]+/).filter(Boolean)) {
        const bounds = /^(\d+)(?:-(\d+))?$/.exec(range);
        if (!bounds) throw new ParamError(`"${range}" in hl_lines is not a line or a range of lines`, 'Write hl_lines="2 4-6"');
        for (let line = Number(bounds[1]); line <= Number(bounds[2] ?? bounds[1]); line++) highlightLines.add(line);
      }
    }
  }
  return options;
}
