import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parseFile } from '../../src/core/parse/file';
import { readTree, REPO } from './memfs';

/**
 * The hand-written Markdown scanner (src/core/parse/markdown.ts) against the reference
 * pipeline the issue names: unified + remark-parse + remark-frontmatter. Both must agree on
 * front matter presence and on the root-level headings (level, line, text).
 *
 * Heading text: the scanner keeps inline markup as written (`**Scope**`, `\###`), so the
 * oracle's text is the source of the heading's content (first to last inline child), with
 * each line trimmed — not mdast-util-to-string, which would drop the markup.
 */

interface Outline {
  frontMatter: boolean;
  headings: string[];
}

interface MdNode {
  type: string;
  depth?: number;
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
  children?: MdNode[];
}

type Parse = (text: string) => MdNode;
let remark: Parse;

before(async () => {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkFrontmatter = (await import('remark-frontmatter')).default;
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  remark = (text) => processor.parse(text) as unknown as MdNode;
});

function oracle(input: string): Outline {
  const text = input.replace(/^\uFEFF/, ''); // remark drops a BOM; offsets are without it
  const root = remark(text);
  const kids = root.children ?? [];
  const headings = kids
    .filter((n) => n.type === 'heading')
    .map((h) => {
      const inner = h.children ?? [];
      const first = inner[0]?.position?.start.offset;
      const last = inner[inner.length - 1]?.position?.end.offset;
      const raw = first === undefined || last === undefined ? '' : text.slice(first, last);
      const heading = raw
        .split('\n')
        .map((l) => l.replace(/\r$/, '').trim())
        .join('\n');
      return `${h.depth}@${h.position?.start.line}:${heading}`;
    });
  return { frontMatter: kids[0]?.type === 'yaml', headings };
}

function scanner(file: string, content: string | Uint8Array): Outline {
  const parsed = parseFile(file, content);
  const body = parsed.body;
  assert.ok(body, `${file} read as Markdown`);
  return {
    frontMatter: body.hasFrontMatter,
    headings: body.sections.map((s) => `${s.level}@${s.line}:${s.heading}`),
  };
}

function agree(name: string, text: string, bytes?: Uint8Array): void {
  assert.deepEqual(scanner(`${name}.md`, bytes ?? text), oracle(text), name);
}

describe('markdown scanner agrees with unified + remark-parse + remark-frontmatter', () => {
  describe('every .md file in samples/', () => {
    const files = [...readTree(path.join(REPO, 'samples'))].filter(([p]) => p.endsWith('.md'));
    it('finds the sample files', () => assert.ok(files.length >= 40, `${files.length} files`));
    for (const [p, text] of files) {
      it(p, () => {
        agree(p, text);
        if (!p.endsWith('README.md')) assert.ok(oracle(text).frontMatter, 'samples have front matter');
      });
    }
  });

  const cases: Record<string, string> = {
    'ATX levels 1-6': '# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n####### not seven\n',
    'setext headings': 'Title\n=====\n\nSub title\n---------\n\ntext\n',
    'setext over a multi-line paragraph': 'Some text\n  continues here\n---\n',
    'setext underline with spaces, CRLF': 'Title\r\n   ===   \r\n\r\nSub\r\n---\r\n',
    'setext underline indented 4 is not an underline': 'Title\n    ===\n',
    'fenced code with # lines': '```\n# not a heading\n```\n# real\n',
    '~~~ fences': '~~~ts\n# no\n~~~\n## yes\n',
    'a longer fence is closed only by a fence as long': '~~~~\n~~~\n# no\n~~~~\n# yes\n',
    'nested backtick fences': '````\n```\n# x\n```\n````\n# y\n',
    'a closing fence with an info string does not close': '```\n# x\n``` js\n# y\n```\n# z\n',
    'a backtick fence whose info has a backtick is not a fence': '``` js `x`\n# heading\n',
    'an unclosed fence runs to the end': '```\n# x\n',
    'closing #s, #s inside, empty headings': '## Heading ##\n### Another #   \n# Hash#tag\n#\n## #\n# foo#\n',
    'an escaped closing sequence stays as written': '### foo \\###\n',
    'inline markup stays as written': '## 1 **Scope** and `code` [link](x)\n',
    'tab after the #': '#\tTab heading\n',
    'no space after # is not a heading': '#nospace\n#5 bolt\n',
    'indented code': '    # code\n\n   # three spaces is a heading\n',
    'a 4-space line after a paragraph is a continuation': 'para\n    # not code\n',
    'an ATX heading interrupts a paragraph': 'para\n# H\n',
    'thematic breaks': 'para\n\n***\n# H\n---\n',
    'headings in lists and quotes are not root headings': '- # in list\n> # in quote\n# top\n',
    'a setext underline after a list item is a thematic break': '- item\n---\n',
    'HTML comments': '<!--\n# no\n-->\n# yes\n',
    'an HTML block ended by a blank line': '<details>\n\n# x\n\n</details>\n',
    tables: '| a | b |\n|---|---|\n| 1 | 2 |\n',
    'an escaped #': '\\# not\n# yes\n',
    'front matter': '---\ntitle: x\n---\n# H\n',
    'front matter with blank lines after it': '---\na: 1\n---\n\n\nText\n===\n',
    'front matter: an indented --- inside a block scalar is content': '---\na: |\n  x\n  ---\n  y\nb: 1\n---\n# H\n',
    'front matter: a --- at column 0 always closes, even inside a block scalar': '---\na: |\n  x\n---\n  y\n---\n# H\n',
    'front matter fences may have trailing spaces and tabs': '--- \na: 1\n---\t\n# H\n',
    'front matter not on the first line is not front matter': '\n---\na: 1\n---\n# H\n',
    '---- is not a front matter fence': '----\na: 1\n----\n# H\n',
    '... does not close front matter': '---\na: 1\n...\n# H\n',
    'empty front matter': '---\n---\n# H\n',
    'unclosed front matter is a thematic break and text': '---\ntitle: x\n# H\n',
    'CRLF front matter and headings': '---\r\na: 1\r\n---\r\n# H\r\nSub\r\n---\r\n',
    'an empty file': '',
    'only front matter': '---\na: 1\n---\n',
  };

  describe('tricky inline cases', () => {
    for (const [name, text] of Object.entries(cases)) it(name, () => agree(name, text));

    it('a UTF-8 BOM before the front matter (the engine drops it when decoding)', () => {
      const text = '\uFEFF---\na: 1\n---\n# H\n';
      agree('bom', text, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.slice(1))]));
    });

    it('documents what remark does with --- inside a block scalar', () => {
      // remark-frontmatter closes at the first line that is exactly --- (plus spaces/tabs); YAML
      // block scalar content is indented, so only a column-0 --- can close, and then it always does.
      assert.deepEqual(oracle('---\na: |\n  x\n---\n  y\n---\n# H\n'), { frontMatter: true, headings: ['2@5:y', '1@7:H'] });
    });
  });

  // Block constructs that hide or change headings: quotes, HTML blocks, link definitions.
  describe('blocks that change what a heading is', () => {
    const divergent: Record<string, string> = {
      'a lazy continuation line of a block quote cannot start a setext heading': '> quote\ncontinued\n===\n',
      'an HTML block (not a comment) hides an ATX heading until a blank line': '<div>\n# x\n</div>\n\n# y\n',
      'a link reference definition is not a paragraph for setext': '[a]: http://x\n===\n',
      'a quote line followed by an ATX heading': '> quote\n# real\n',
      'a <pre> block hides headings until its end tag': '<pre>\n# no\n\n# still no\n</pre>\n# yes\n',
      'an HTML tag alone on a line hides headings until a blank line': '<custom-box>\n# no\n\n# yes\n',
      'a tag line cannot interrupt a paragraph': 'text\n<custom-box>\n===\n',
    };
    for (const [name, text] of Object.entries(divergent)) it(name, () => agree(name, text));
  });
});
