import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseInput } from '../../src/core/parse/file';
import { YamlPositions } from '../../src/core/parse/positions';
import { JsYamlSpans } from '../../src/core/parse/spans';
import type { AnchorPart, JsonValue, NodePath } from '../../src/core/types';
import { readTree, REPO } from './memfs';

// Ranges read off a js-yaml parse must be exactly what `yaml`'s Documents give, or say nothing.
const TEXTS: [string, string][] = [
  ['block_in_seq', '- |\n  text\n- id: A\n- >\n  f\n'],
  ['bom', '﻿id: A\nv: 1\n'],
  ['cjk', 'id: 店-01\nname: 徐汇店 🍵 emoji\nlist:\n  - id: 员工-01\n    名字: 张三\n  - id: "😀-2"\n'],
  ['comment_before_value', 'id:\n  # comment\n  A\nk:\n  v\nm:\n  # c\n  x: 1\n'],
  [
    'comments',
    '# head\nid: A # c\n# between\nlist: # after key\n  # before item\n  - id: B # x\n    # inside\n    name: n\n  -   id: C\n    v: 1\nmap:\n\n  # blank and comment\n  k: v\n',
  ],
  ['crlf', '# 计划\r\nkind: plan\r\nid: P  # the id\r\nobjectives:\r\n  - id: O\r\n    kpis:\r\n      - id: K\r\n        target: 3\r\n'],
  ['dash_space', '-   id: A\n    v: 1\n-\tid: B\n'],
  ['deep_missing', 'a:\n  b:\n    c: 1\n'],
  ['docs', '---\nid: A\n---\nid: B\nchild:\n  id: C\n...\n---\n# only comment doc\nid: D\n'],
  ['docs_empty', '---\nid: A\n---\n---\nid: B\n'],
  ['docstart_inline', '--- \nid: A\n'],
  ['empty', 'id: A\nempty:\nnull1: ~\nnull2: null\nlist:\n  -\n  - id: B\n    v:\n  - \nafter: z\n'],
  ['explicit', '? a\n: 1\n? id\n: E\nnormal: 2\n'],
  ['flow', 'id: A\nf: {id: B, n: [1, 2, {id: C}]}\ng: [a, b]\nh:\n  - {id: D}\n  - [x, y]\nmultiflow: {\n  id: E,\n  k: v\n}\n'],
  ['indent', 'a:\n    b:\n        - id: X\n          c: 1\n        -   id: Y\n    d: [1]\n'],
  ['keys', '"id": QK\n\'name\': v\nkey with space: 1\n0: zero\n1.5: x\n2026-01: 3\ntrue: t\nnull: n\nnested:\n  "0": a\n  \'1\': b\n'],
  ['lastline_noeol', 'id: A\nlist:\n  - id: B'],
  ['map_layout', 'stores:\n  S-01:\n    name: 徐汇店\n  S-02:\n    name: 静安店\n  S-03: {name: x}\n  S-04:\n'],
  ['multiline', 'id: A\ndesc: this is\n  a long plain\n  scalar\nblock: |\n  line1\n  line2\nfolded: >-\n  a\n  b\nq: "multi\n  line"\nafter: x\n'],
  ['nestedseq', '- - a\n  - b\n- - id: X\n    v: 1\n-\n  - c\n- id: Y\n'],
  ['numbers', 'id: 007\nv: 0x1F\nw: 1e3\nx: .inf\ny: -0\nz: +12\n'],
  ['onelinemap_in_seq', 'list:\n  - id: A\n  - k: v\n  - id: B # c\n'],
  ['plain_with_colons', 'id: a:b\nurl: http://x.y/z#frag\ntime: 12:30\nt2: a #b\n'],
  ['quoted', "id: \"Q-1\"\nname: 'it''s'\nesc: \"a\\\"b\"\nlist:\n  - \"x\"\n  - 'y'\n  - id: 'Z'\n"],
  ['seqofmaps_compact', 'items:\n- id: A\n  v: 1\n- id: B\n  v: 2\n'],
  ['tabs', 'id: A\nv:\t1\nlist:\n  - id:\tB\n'],
  ['trailing_spaces', 'id: A   \nname: b\t\nlist:   \n  - id: C   \n'],
];

const PARTS: AnchorPart[] = ['entity', 'key', 'value'];

/** Every node path of the documents, and a missing child under every mapping. */
function pathsOf(docs: JsonValue[]): [number, NodePath][] {
  const out: [number, NodePath][] = [];
  docs.forEach((d, doc) => {
    const walk = (v: unknown, p: NodePath): void => {
      out.push([doc, p]);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
      else if (v && typeof v === 'object') {
        out.push([doc, [...p, 'no-such-key']]);
        for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
      }
    };
    walk(d, []);
  });
  return out;
}

/** Compares every answer the spans give with `yaml`'s; returns how many were asked and answered. */
function compare(name: string, text: string, lineOffset = 0, docs?: JsonValue[]): { asked: number; answered: number } {
  const spans = JsYamlSpans.of(text);
  const exact = new YamlPositions(text, lineOffset);
  (exact as unknown as { spans: null }).spans = null; // `yaml` only
  let asked = 0;
  let answered = 0;
  for (const [doc, p] of pathsOf(docs ?? parseInput({ path: 'x.yaml', content: text }).docs)) {
    for (const part of PARTS) {
      asked++;
      const offsets = spans?.rangeOf(doc, p, part);
      if (!offsets) continue;
      answered++;
      assert.deepEqual(exact.rangeAtOffsets(offsets[0], offsets[1]), exact.rangeOf(doc, p, part), `${name}: doc ${doc} ${p.join('/')} ${part}`);
    }
  }
  return { asked, answered };
}

describe('source ranges from a js-yaml parse (JsYamlSpans)', () => {
  for (const [name, text] of TEXTS) {
    it(`are yaml's ranges or nothing: ${name}`, () => {
      compare(name, text);
      compare(`${name} (front matter at line 5)`, text, 4);
    });
  }

  it('answer most questions on ordinary files (plans, registers, front matter)', () => {
    let asked = 0;
    let answered = 0;
    for (const sample of ['lumen-oak', 'maitian-bakery', 'broken']) {
      for (const [file, text] of readTree(path.join(REPO, 'samples', sample))) {
        if (!/\.(ya?ml|md)$/.test(file)) continue;
        const parsed = parseInput({ path: path.basename(file), content: text });
        if (!parsed.yamlText) continue;
        const n = compare(`${sample}/${file}`, parsed.yamlText, parsed.yamlLineOffset, parsed.docs);
        asked += n.asked;
        answered += n.answered;
      }
    }
    assert.ok(answered > 0.6 * asked, `${answered} of ${asked} answered`);
  });

  it('say nothing about texts js-yaml does not read (anchors, tags, syntax errors, duplicate keys)', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: [1\n', 'id: A\nid: B\n']) assert.equal(JsYamlSpans.of(text), undefined, text);
  });
});
