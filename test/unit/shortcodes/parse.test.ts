import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { AuthorError, AuthorErrors } from "../../../lib/errors.ts";
import { parseShortcodes, type ShortcodeCall, type ShortcodeNode } from "../../../shortcodes/parse.ts";

// A registry of two made-up shortcodes keeps these tests about syntax only.
const registry: Record<string, boolean> = { box: true, embed: false };
const options = { file: "post.md", takesInner: (name: string) => registry[name], knownNames: ["box", "embed"] };

function parse(text: string, firstLine = 1): ShortcodeNode[] {
  return parseShortcodes(text, { ...options, firstLine });
}

function calls(nodes: ShortcodeNode[]): ShortcodeCall[] {
  return nodes.filter((node): node is ShortcodeCall => node.type === "call");
}

function only(text: string): ShortcodeCall {
  const found = calls(parse(text));
  assert.equal(found.length, 1);
  return found[0]!;
}

function errorsOf(text: string): AuthorError[] {
  try {
    parse(text, 10);
  } catch (error) {
    assert.ok(error instanceof AuthorErrors, `expected AuthorErrors, got ${String(error)}`);
    return [...error.errors];
  }
  assert.fail("expected the parse to fail");
}

describe("parseShortcodes: calls and arguments", () => {
  it("reads a positional call and keeps the text around it", () => {
    const nodes = parse("Before\n\n{{< embed TfVYxnhuEdU >}}\n\nAfter");
    assert.deepEqual(nodes[0], { type: "text", text: "Before\n\n" });
    const call = nodes[1] as ShortcodeCall;
    assert.equal(call.name, "embed");
    assert.equal(call.delimiter, "<");
    assert.deepEqual(call.args.positional, ["TfVYxnhuEdU"]);
    assert.deepEqual([call.line, call.column], [3, 1]);
    assert.deepEqual(nodes[2], { type: "text", text: "\n\nAfter" });
  });

  it("reads named arguments in all three value forms", () => {
    const call = only('{{< embed user="mkbhd" id=`158\n277` kind=bare >}}');
    assert.deepEqual(Object.fromEntries(call.args.named), { user: "mkbhd", id: "158\n277", kind: "bare" });
    assert.deepEqual(call.args.positional, []);
  });

  it("types bare booleans and numbers, never quoted ones", () => {
    const call = only('{{< embed a=true b=false c=30 d=-1.5 e="30" f="true" g=30s >}}');
    assert.deepEqual(Object.fromEntries(call.args.named), { a: true, b: false, c: 30, d: -1.5, e: "30", f: "true", g: "30s" });
  });

  it("unescapes \\\" inside double quotes", () => {
    assert.equal(only('{{< embed title="say \\"hi\\"" >}}').args.named.get("title"), 'say "hi"');
  });

  it("accepts calls without spaces and spanning lines", () => {
    assert.deepEqual(only("{{<embed x>}}").args.positional, ["x"]);
    const call = only('{{< embed\n    user="a"\n    id="1"\n>}}');
    assert.deepEqual(Object.fromEntries(call.args.named), { user: "a", id: "1" });
  });

  it("reads {{% %}} calls", () => {
    assert.equal(only("{{% embed x %}}").delimiter, "%");
  });

  it("records line and column from the body's first line in the file", () => {
    const call = calls(parse("line one\n  text {{< embed x >}}", 12))[0]!;
    assert.deepEqual([call.line, call.column], [13, 8]);
  });
});

describe("parseShortcodes: paired calls", () => {
  for (const closing of ["{{< /box >}}", "{{</ box >}}", "{{</box>}}", "{{% /box %}}"]) {
    it(`closes with ${closing}`, () => {
      const call = only(`{{< box >}}\n**inner** text\n${closing}`);
      assert.equal(call.innerSource, "\n**inner** text\n");
      assert.deepEqual(call.inner, [{ type: "text", text: "\n**inner** text\n" }]);
    });
  }

  it("self-closes", () => {
    const call = only("{{< box />}}");
    assert.equal(call.inner, undefined);
  });

  it("nests calls inside inner content", () => {
    const outer = only("{{< box warning >}}a {{< box >}}b {{< embed z >}}{{< /box >}} c{{< /box >}}");
    assert.deepEqual(outer.args.positional, ["warning"]);
    const inner = calls(outer.inner!)[0]!;
    assert.equal(inner.name, "box");
    assert.equal(calls(inner.inner!)[0]?.name, "embed");
    assert.equal(outer.innerSource, "a {{< box >}}b {{< embed z >}}{{< /box >}} c");
  });
});

describe("parseShortcodes: literal text", () => {
  it("prints a commented call as the call itself", () => {
    assert.deepEqual(parse("Write {{</* embed x */>}} or {{%/* box */%}}."), [
      { type: "text", text: "Write {{< embed x >}} or {{% box %}}." },
    ]);
  });

  it("expands calls inside code, as Hugo does", () => {
    assert.equal(calls(parse("```\n{{< embed x >}}\n```\n`{{< embed y >}}`")).length, 2);
  });

  it("leaves other braces alone", () => {
    assert.deepEqual(parse("{{ .Title }} and {{-x-}} {"), [{ type: "text", text: "{{ .Title }} and {{-x-}} {" }]);
  });
});

describe("parseShortcodes: errors name file, line, column and a fix", () => {
  const cases: Array<[string, string, RegExp, [number, number]]> = [
    ["unknown shortcode", "ok\n{{< gist x >}}", /Unknown shortcode "gist".*Use one of: box, embed/, [11, 1]],
    ["closing tag for a shortcode without inner content", "{{< embed x >}}\n{{< /embed >}}", /"embed" takes no inner content/, [11, 1]],
    ["paired shortcode never closed", "text\n\n{{< box >}}\nnever closed", /"box" is never closed.*Close it with \{\{< \/box >\}\}/, [12, 1]],
    ["mixed argument kinds", 'a {{< embed x id="y" >}}', /mixes positional and named arguments/, [10, 3]],
    ["unterminated quote", '{{< embed title="no end\n" >}}', /quoted argument is not terminated/, [10, 17]],
    ["unterminated raw string", "{{< embed title=`no end >}}", /`raw` argument is never closed/, [10, 17]],
    ["call never closed", "{{< embed x", /never closed with >\}\}/, [10, 1]],
    ["mismatched delimiters", "{{< embed x %}}", /opens with \{\{< but closes with %\}\}/, [10, 1]],
    ["closing tag without an opening", "x\n  {{< /box >}}", /without an opening/, [11, 3]],
    ["call without a name", "{{< >}}", /no name follows/, [10, 1]],
  ];
  for (const [label, text, message, [line, column]] of cases) {
    it(label, () => {
      const errors = errorsOf(text);
      assert.equal(errors.length, 1, errors.map((e) => e.message).join("\n"));
      assert.match(errors[0]!.message, message);
      assert.equal(errors[0]!.message.startsWith(`post.md:${line}:${column}: `), true, errors[0]!.message);
    });
  }

  it("reports every problem of a body at once", () => {
    const errors = errorsOf("{{< nope >}}\n{{< embed x id=1 >}}\n{{< box >}}");
    assert.deepEqual(
      errors.map((e) => e.line),
      [10, 11, 12],
    );
  });
});

// Pieces of shortcode syntax, shuffled into random texts and mutations of valid ones.
const fragment = fc.constantFrom(
  "{{<", "{{%", ">}}", "%}}", "/>}}", "{{</", "{{< /", "/*", "*/", '"', "\\\"", "`", "=", " ", "\n", "box", "embed",
  "/box", "x", "1", "true", "{{", "}}", "<", ">", "%", "/", "*", "中文", "\t",
);
const valid = fc.constantFrom('{{< embed x >}}', '{{< box >}}t{{< /box >}}', '{{< embed a="b" c=`d` >}}', "{{</* box */>}}", "{{% box /%}}");
const mutated = fc.tuple(valid, fc.nat(), fc.nat(), fc.array(fragment, { maxLength: 4 })).map(([text, at, cut, insert]) => {
  const position = at % (text.length + 1);
  return text.slice(0, position) + insert.join("") + text.slice(position + (cut % 4));
});

describe("parseShortcodes: any input", () => {
  it("returns nodes or throws AuthorErrors, never anything else, never hangs", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join("")), mutated, fc.string()), (text) => {
        try {
          const nodes = parse(text);
          assert.ok(Array.isArray(nodes));
        } catch (error) {
          if (!(error instanceof AuthorErrors)) throw error;
          for (const problem of error.errors) assert.match(problem.message, /^post\.md:\d+:\d+: .+\. .+/);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps text without calls exactly as written", () => {
    fc.assert(
      fc.property(fc.string().filter((text) => !/\{\{[<%]/.test(text)), (text) => {
        const nodes = parse(text);
        assert.equal(nodes.map((node) => (node.type === "text" ? node.text : "")).join(""), text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseShortcodes: shortcodes that may be paired or not (the site's own)", () => {
  const optional = (text: string) =>
    parseShortcodes(text, { file: "post.md", takesInner: (name) => (name === "mine" ? "optional" : registry[name]), knownNames: ["box", "embed", "mine"] });

  it("pairs a call with the closing tag that follows it", () => {
    const [call] = calls(optional("{{< mine a=1 >}}inner **text**{{< /mine >}} after"));
    assert.equal(call?.innerSource, "inner **text**");
  });

  it("reads a call with no closing tag after it as a call on its own", () => {
    const found = calls(optional("{{< mine a=1 >}} text {{< mine a=2 >}}"));
    assert.deepEqual(found.map((call) => [call.args.named.get("a"), call.inner]), [
      [1, undefined],
      [2, undefined],
    ]);
  });

  it("pairs each opening with its own closing tag when calls nest, innermost first", () => {
    const [outer] = calls(optional("{{< mine o=1 >}}A {{< mine i=1 >}}B{{< /mine >}} {{< mine lone=1 />}} C{{< /mine >}}"));
    assert.equal(outer?.args.named.get("o"), 1);
    const inner = calls(outer?.inner ?? []);
    assert.deepEqual(inner.map((call) => [[...call.args.named.keys()][0], call.innerSource]), [
      ["i", "B"],
      ["lone", undefined],
    ]);
  });

  it("leaves {{/*< … >*/}}, which is not Hugo syntax, as text", () => {
    assert.deepEqual(parse("{{/*< box >*/}}"), [{ type: "text", text: "{{/*< box >*/}}" }]);
  });
});
