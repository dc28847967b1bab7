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

// Hugo's own lexer tests (parser/pageparser/pageparser_shortcode_test.go) for arguments, with "embed" for "sc1":
// the values Hugo's parser makes of the tokens, or the error (Hugo's in a comment) at our position.
describe("parseShortcodes: arguments as Hugo's lexer tests read them", () => {
  type Expected = { positional: unknown[] } | { named: Record<string, unknown> } | { error: RegExp; at: [number, number] };
  const cases: Array<[string, string, Expected]> = [
    ["float param, positional", "{{< embed 3.14 >}}", { positional: [3.14] }],
    ["float param, named", "{{< embed param1=3.14 >}}", { named: { param1: 3.14 } }],
    ["named param, raw string", "{{< embed param1=`Hello World` >}}", { named: { param1: "Hello World" } }],
    ["float param, named, space before", "{{< embed param1= 3.14 >}}", { named: { param1: 3.14 } }],
    ["Youtube id", "{{< embed -ziL-Q_456igdO-4 >}}", { positional: ["-ziL-Q_456igdO-4"] }],
    ["non-alphanumerics param quoted", '{{< embed "-ziL-.%QigdO-4" >}}', { positional: ["-ziL-.%QigdO-4"] }],
    ["raw string", "{{< embed`Hello World` >}}", { positional: ["Hello World"] }],
    ["raw string with newline", "{{< embed`Hello \n\tWorld` >}}", { positional: ["Hello \n\tWorld"] }],
    ["raw string with escape character", "{{< embed`Hello \\b World` >}}", { positional: ["Hello \\b World"] }],
    ["two params", "{{< embed param1   param2 >}}", { positional: ["param1", "param2"] }],
    ["self-closing with param", "{{< box param1 />}}", { positional: ["param1"] }],
    ["two quoted params", '{{< embed "param nr. 1" "param nr. 2" >}}', { positional: ["param nr. 1", "param nr. 2"] }],
    ["two named params", '{{< embed param1="Hello World" param2="p2Val">}}', { named: { param1: "Hello World", param2: "p2Val" } }],
    ["escaped quotes", '{{< embed param1=\\"Hello World\\"  >}}', { named: { param1: "Hello World" } }],
    ["escaped quotes, positional param", '{{< embed \\"param1\\"  >}}', { positional: ["param1"] }],
    // Hugo: got positional parameter 'escaped'. Cannot mix named and positional parameters
    ["escaped quotes inside escaped quotes", '{{< embed param1=\\"Hello \\"escaped\\" World\\"  >}}', { error: /mixes positional and named/, at: [10, 1] }],
    ["escaped quotes inside nonescaped quotes", '{{< embed param1="Hello \\"escaped\\" World"  >}}', { named: { param1: 'Hello "escaped" World' } }],
    ["escaped quotes inside nonescaped quotes in positional param", '{{< embed "Hello \\"escaped\\" World"  >}}', { positional: ['Hello "escaped" World'] }],
    // Hugo: unrecognized escape character
    ["escaped raw string, named param", "{{< embed param1=\\`Hello World\\` >}}", { error: /backslash before a backtick.*Remove the backslash/, at: [10, 18] }],
    ["escaped raw string, positional param", "{{< embed param1 \\`Hello World\\` >}}", { error: /backslash before a backtick/, at: [10, 18] }],
    ["two raw string params", "{{< embed`Hello World``Second Param` >}}", { positional: ["Hello World", "Second Param"] }],
    // Hugo: unterminated quoted string in shortcode parameter-argument
    ["unterminated quote", '{{< embed param2="Hello World>}}', { error: /quoted argument is not terminated/, at: [10, 18] }],
    // Hugo: unterminated raw string in shortcode parameter-argument
    ["unterminated raw string", "{{< embed`Hello World >}}", { error: /`raw` argument is never closed/, at: [10, 10] }],
    ["unterminated raw string in second argument", "{{< embed`Hello World``Second Param >}}", { error: /`raw` argument is never closed/, at: [10, 23] }],
    // Hugo: got positional parameter 'p2' / got quoted positional parameter / got named parameter 'param2'
    ["one named param, one not", '{{< embed param1="Hello World" p2 >}}', { error: /mixes positional and named/, at: [10, 1] }],
    ["one named param, one quoted positional param, both raw strings", "{{< embed param1=`Hello World``Second Param` >}}", { error: /mixes positional and named/, at: [10, 1] }],
    ["one named param, one quoted positional param", '{{< embed param1="Hello World" "And Universe" >}}', { error: /mixes positional and named/, at: [10, 1] }],
    ["one quoted positional param, one named param", '{{< embed "param1" param2="And Universe" >}}', { error: /mixes positional and named/, at: [10, 1] }],
    ["one positional param, one not", '{{< embed param1 param2="Hello World">}}', { error: /mixes positional and named/, at: [10, 1] }],
  ];
  for (const [label, text, expected] of cases) {
    it(label, () => {
      if ("error" in expected) {
        const errors = errorsOf(text);
        assert.equal(errors.length, 1, errors.map((e) => e.message).join("\n"));
        assert.match(errors[0]!.message, expected.error);
        assert.deepEqual([errors[0]!.line, errors[0]!.column], expected.at);
        return;
      }
      const { args } = only(text);
      assert.deepEqual(args.positional, "positional" in expected ? expected.positional : []);
      assert.deepEqual(Object.fromEntries(args.named), "named" in expected ? expected.named : {});
    });
  }
});

function firstError(text: string): { message: string; at: [number, number] } {
  const errors = errorsOf(text);
  assert.equal(errors.length, 1, errors.map((e) => e.message).join("\n"));
  return { message: errors[0]!.message, at: [errors[0]!.line!, errors[0]!.column!] };
}

describe("parseShortcodes: each argument form, as Hugo reads it", () => {
  it("reads bare words of Unicode letters, digits, _, - and . (not first), typing numbers and booleans", () => {
    assert.deepEqual(only("{{< embed 中文 Ελληνικά café v1.2.3 -1.5 _x true 007 >}}").args.positional, ["中文", "Ελληνικά", "café", "v1.2.3", -1.5, "_x", true, 7]);
  });

  it("asks for quotes around a bare word with any other character, pointing at it", () => {
    const { message, at } = firstError("{{< embed https://example.com/a >}}");
    assert.deepEqual(at, [10, 16]);
    assert.match(message, /"https:\/\/example\.com\/a" of "embed" has ":"/);
    assert.match(message, /Parameters with characters other than letters, digits, "_", "-" or "\." must be quoted: write "https:\/\/example\.com\/a"$/);
  });

  it("asks for quotes around a bare word that starts with . or holds + or a combining accent", () => {
    assert.deepEqual(firstError("{{< embed .5 >}}").at, [10, 11]);
    assert.match(firstError("{{< embed .5 >}}").message, /Parameters starting with "\." must be quoted: write "\.5"$/);
    assert.deepEqual(firstError("{{< embed +1 >}}").at, [10, 11]);
    const accent = firstError("{{< embed e\u0301 >}}");
    assert.deepEqual(accent.at, [10, 12]);
    assert.match(accent.message, /\(U\+0301\)/);
  });

  it('rejects a "/" that does not end the call, and self-closes with spaces before the end', () => {
    const { message, at } = firstError("{{< embed / keyword >}}");
    assert.deepEqual(at, [10, 11]);
    assert.match(message, /"\/" in the call to "embed" that does not end it/);
    assert.deepEqual(firstError("{{< embed foo/bar/>}}").at, [10, 14]);
    const call = only("{{< box x /\n>}}");
    assert.deepEqual([call.args.positional, call.inner], [["x"], undefined]);
  });

  it("rejects a space other than space, tab or line break between arguments", () => {
    const { message, at } = firstError("{{< embed x\u00a0y >}}");
    assert.deepEqual(at, [10, 12]);
    assert.match(message, /U\+00A0, a space Hugo does not accept between arguments\. Replace it with an ordinary space/);
    assert.deepEqual(only("{{< embed\tx\r\ny >}}").args.positional, ["x", "y"]);
  });

  it("rejects a backslash outside quotes, which Hugo would drop", () => {
    const { message, at } = firstError("{{< embed a\\b >}}");
    assert.deepEqual(at, [10, 12]);
    assert.match(message, /backslash outside quotes.*write "a\\b"$/);
  });

  it("reads escaped quotes around a positional argument as quotes, ending at \\\" or \"", () => {
    assert.deepEqual(only('{{< embed \\"text\\" \\"more" \\"\\" >}}').args.positional, ["text", "more", ""]);
  });

  it("keeps backslashes inside quotes unless the value holds an escaped quote, then drops them all", () => {
    assert.deepEqual(only('{{< embed "C:\\path" "a\\\\b" "a\\\\b \\"c\\"" >}}').args.positional, ["C:\\path", "a\\\\b", 'ab "c"']);
  });

  it('reads "a\\\\" as Hugo does: the second backslash escapes the quote, which leaves the argument open', () => {
    assert.deepEqual(firstError('{{< embed "a\\\\" >}}').at, [10, 11]);
  });

  it("rejects a backslash before a backtick inside quotes", () => {
    const { message, at } = firstError('{{< embed "x\\`y" >}}');
    assert.deepEqual(at, [10, 13]);
    assert.match(message, /backslash before a backtick in a quoted argument/);
    assert.deepEqual(only('{{< embed "x`y" >}}').args.positional, ["x`y"]);
  });

  it("reads arguments with nothing between them next to a quote or a backtick", () => {
    assert.deepEqual(only('{{< embed "a""b" c"d"`e`f >}}').args.positional, ["a", "b", "c", "d", "e", "f"]);
    assert.deepEqual(Object.fromEntries(only('{{< embed a="x"b=`y`c=1 >}}').args.named), { a: "x", b: "y", c: 1 });
  });

  it("skips any spaces after =, line breaks included", () => {
    assert.deepEqual(Object.fromEntries(only('{{< embed a=\n  "x" b= \\"y\\" c=\u00a0`z` d= 3 >}}').args.named), { a: "x", b: "y", c: "z", d: 3 });
  });

  it("reads an unquoted named value up to the next space, whatever it holds", () => {
    const call = only("{{< embed href=https://example.com/?a=1&b=2 link=/posts/x/ eq==x pct=50%}} />}}");
    assert.deepEqual(Object.fromEntries(call.args.named), { href: "https://example.com/?a=1&b=2", link: "/posts/x/", eq: "=x", pct: "50%}}" });
  });

  it("types unquoted named values as Hugo does, and never quoted ones", () => {
    assert.deepEqual(Object.fromEntries(only('{{< embed a=+1 b=.5 c=1. d="1" e=`true` >}}').args.named), { a: 1, b: 0.5, c: "1.", d: "1", e: "true" });
  });

  it("rejects an unquoted named value that runs into the end of the call, which Hugo would swallow", () => {
    const { message, at } = firstError("{{< embed link=/posts/x/>}}");
    assert.deepEqual(at, [10, 16]);
    assert.match(message, /unquoted value of "link" runs into >\}\}.*link="\/posts\/x\/" >\}\}, or link="\/posts\/x" \/>\}\} to self-close/);
    assert.match(firstError("{{% embed a=b%}}").message, /Put a space before %\}\}, or quote the value: a="b"$/);
    const empty = firstError("{{< embed a= >}}");
    assert.deepEqual(empty.at, [10, 14]);
    assert.match(empty.message, /"a" of "embed" has no value after "="\. Write a="" for an empty value/);
  });

  it("reads a key written with a space before = as named when every key is written so", () => {
    assert.deepEqual(Object.fromEntries(only('{{< embed a = "x" b =2 >}}').args.named), { a: "x", b: 2 });
    const { message, at } = firstError('{{< embed a="x" b = 2 >}}');
    assert.deepEqual(at, [10, 1]);
    assert.match(message, /mixes positional and named arguments\. Write every key right before "=", unquoted \(b=…\)/);
  });

  it("reads a quoted key as named, as Hugo's parser does", () => {
    assert.deepEqual(Object.fromEntries(only('{{< embed "my key"="v" >}}').args.named), { "my key": "v" });
  });

  it("rejects a key with a character Hugo does not accept in one", () => {
    const { message, at } = firstError('{{< embed data:x="1" >}}');
    assert.deepEqual(at, [10, 15]);
    assert.match(message, /argument name "data:x" in the call to "embed" has ":"/);
  });

  it("rejects a value with no key before =, which Hugo would drop", () => {
    assert.deepEqual(firstError('{{< embed ="v" >}}').at, [10, 11]);
    const { message, at } = firstError('{{< embed a="1"="2" >}}');
    assert.deepEqual(at, [10, 16]);
    assert.match(message, /"=" in the call to "embed" has no argument name before it/);
  });

  it("rejects a backslash after = that no quote follows", () => {
    const { message, at } = firstError("{{< embed a=\\x >}}");
    assert.deepEqual(at, [10, 13]);
    assert.match(message, /value of "a" in the call to "embed" starts with a backslash/);
  });

  it("reports a mix of kinds before a later problem in the same call, as Hugo stops at the first", () => {
    assert.match(firstError('{{< embed x y=1 "unterminated >}}').message, /mixes positional and named/);
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
  "\\", "\\`", ".", ":", "-", "\r", "\u00a0", "\u0301", "🙂",
);
const valid = fc.constantFrom(
  '{{< embed x >}}', '{{< box >}}t{{< /box >}}', '{{< embed a="b" c=`d` >}}', "{{</* box */>}}", "{{% box /%}}",
  "{{< embed a= 3.14 >}}", '{{< embed \\"x\\" >}}', "{{< embed `a``b` >}}", "{{< embed href=https://x/?a=1 />}}", '{{< embed a = "b" >}}',
);
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

// Arguments in every form Hugo reads, written as an author may write them: each reads back as Hugo reads it.
const typedAsHugo = (word: string): unknown =>
  word === "true" ? true : word === "false" ? false : /^[-+]?(\d+|\d*\.\d+)$/.test(word) ? Number(word) : word;
const wordStartCharacter = fc.constantFrom(..."aZé中Ω_-019");
const bareWord = fc.oneof(
  fc.tuple(wordStartCharacter, fc.array(fc.oneof(wordStartCharacter, fc.constant(".")), { maxLength: 6 })).map(([first, rest]) => first + rest.join("")),
  fc.constantFrom("true", "false", "3.14", "-2", "007", "1.", "-"),
);
const someText = fc.string({ unit: fc.constantFrom(..."ab \t\r\"`\\/=>}%中🙂"), maxLength: 8 });
type Written = { written: string; value: unknown; bare: boolean };
const quotedForms: fc.Arbitrary<Written> = fc.oneof(
  // Quotes escaped inside, no other backslash.
  someText.filter((t) => !t.includes("\\")).map((t) => ({ written: `"${t.replaceAll('"', '\\"')}"`, value: t, bare: false })),
  // Backslashes kept when no quote is escaped.
  someText
    .filter((t) => !t.includes('"') && !t.includes("\\`") && !t.endsWith("\\"))
    .map((t) => ({ written: `"${t}"`, value: t, bare: false })),
  someText.filter((t) => !/["\\]/.test(t)).map((t) => ({ written: `\\"${t}\\"`, value: t, bare: false })),
  fc.string({ maxLength: 8 }).filter((t) => !t.includes("`")).map((t) => ({ written: `\`${t}\``, value: t, bare: false })),
);
const positionalArgument: fc.Arbitrary<Written> = fc.oneof(bareWord.map((w) => ({ written: w, value: typedAsHugo(w), bare: true })), quotedForms);
const bareValue = fc
  .tuple(fc.constantFrom(..."ax1-/.:+=%>中"), fc.string({ unit: fc.constantFrom(..."ax1-/.:?&=%>}\"`\\中"), maxLength: 8 }))
  .map(([first, rest]) => first + rest)
  .filter((value) => !value.includes(">}}") && !value.includes("%}}"));
const namedValue: fc.Arbitrary<Written> = fc.oneof(bareValue.map((v) => ({ written: v, value: typedAsHugo(v), bare: true })), quotedForms);
const separator = fc.constantFrom("", " ", "\n", "\t ", "\r\n  ");
const ending = fc.tuple(fc.constantFrom("<", "%"), fc.constantFrom("", "/", " /"));

function call(delimiter: string, parts: Array<{ written: string; separator: string; needsSpace: boolean }>, end: string, lastNeedsSpace: boolean): string {
  const space = (separator: string, needed: boolean) => (needed && separator === "" ? " " : separator);
  const body = parts.map((part) => space(part.separator, part.needsSpace) + part.written).join("");
  return `{{${delimiter} embed${body}${space("", lastNeedsSpace)}${end}${delimiter === "<" ? ">}}" : "%}}"}`;
}

describe("parseShortcodes: arguments read back", () => {
  it("reads positional arguments in any form, with or without spaces where Hugo needs none", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(positionalArgument, separator), { maxLength: 6 }), ending, (args, [delimiter, end]) => {
        const text = call(
          delimiter,
          args.map(([argument, separator], i) => ({ written: argument.written, separator, needsSpace: argument.bare && (i === 0 || args[i - 1]![0].bare) })),
          end,
          // A "/" right after the name would be part of it, in Hugo too.
          args.length === 0,
        );
        const found = only(text);
        assert.deepEqual(found.args.positional, args.map(([argument]) => argument.value), text);
        assert.equal(found.args.named.size, 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads named arguments in any form, with any spaces after =", () => {
    const afterEquals = fc.constantFrom("", " ", "\n ");
    const pairs = fc
      .uniqueArray(bareWord, { maxLength: 5 })
      .chain((keys) => fc.tuple(...keys.map((key) => fc.record({ key: fc.constant(key), value: namedValue, separator, afterEquals }))));
    fc.assert(
      fc.property(pairs, ending, (named, [delimiter, end]) => {
        const text = call(
          delimiter,
          named.map(({ key, value, separator, afterEquals }, i) => ({
            written: `${key}=${afterEquals}${value.written}`,
            separator,
            needsSpace: i === 0 || named[i - 1]!.value.bare,
          })),
          end,
          named.at(-1)?.value.bare ?? true,
        );
        const found = only(text);
        assert.deepEqual(Object.fromEntries(found.args.named), Object.fromEntries(named.map(({ key, value }) => [key, value.value])), text);
        assert.deepEqual(found.args.positional, []);
      }),
      { numRuns: 2000 },
    );
  });

  it("points at the first character a bare word may not hold, and quotes the word whole in the hint", () => {
    const unaccepted = fc.constantFrom(":", "+", "!", "#", "(", "<", ">", "'", ",", ";", "?", "@", "&", "*", "[", "~", "$", "|", "^", "🙂", "\u0301", "\u200b");
    fc.assert(
      fc.property(bareWord.filter((word) => word.length >= 2), fc.nat(), unaccepted, (word, at, character) => {
        const position = 1 + (at % (word.length - 1));
        const argument = word.slice(0, position) + character + word.slice(position);
        const { message, at: where } = firstError(`{{< embed ${argument} >}}`);
        assert.deepEqual(where, [10, "{{< embed ".length + position + 1]);
        assert.ok(message.endsWith(`must be quoted: write "${argument}"`), message);
      }),
      { numRuns: 1000 },
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
