import { strict as assert } from 'node:assert';
import { isPair, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { applyToValue, editFileText, yamlRegion } from '../../src/core/edit/edit';
import { locate } from '../../src/core/edit/locate';
import type { JsonValue, NodePath } from '../../src/core/types';

/** A small seeded generator, so a failure names the seed that reproduces it. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILES: { name: string; format: 'yaml' | 'markdown'; text: string }[] = [
  {
    name: 'a bakery plan with comments on every line (CRLF)',
    format: 'yaml',
    text: [
      '# 2026 财年计划 (starts in April)',
      'id: PLAN-FY26 # plan id',
      'title: "烘焙门店 FY26" # quoted',
      'period: FY2026',
      'budget: { amount: 1200000, currency: CNY } # flow',
      '',
      'objectives: # the goals',
      '  - id: O-1 # grow',
      "    title: '新店 #1' # hash in quotes",
      '    kpis:',
      '      - { id: K-1, metric: 销售额, unit: CNY, target: 500000 }',
      '      - id: K-2',
      '        metric: 杯数 # cups',
      '        unit: 杯',
      '        target: 12000',
      '',
      '    initiatives:',
      '      - id: I-1',
      '        budget: 30000 # 预算',
      '        due: 2026-09-30',
      'tags: [烘焙, 华东] # end',
      '',
    ].join('\r\n'),
  },
  {
    name: 'a price list in map layout',
    format: 'yaml',
    text: `# 价目表
SKU-面包-01: # bread
  name: 全麦面包
  list_price: 18
  floor_price: 15 # never lower
  channel_prices: { 门店: 18, 外卖: 19.5 }

SKU-蛋糕-02:
  name: "Cheese cake"
  list_price: 68
  channel_prices:
    门店: 68 # counter
    外卖: 72
`,
  },
  {
    name: 'an SOP with front matter',
    format: 'markdown',
    text: `---
id: SOP-007 # 开店流程
title: 开店检查
status: draft
owner: P-王
approvers: [P-李, P-张]
review:
  due: 2026-05-01 # quarterly
---
# 开店检查

status: not front matter
`,
  },
];

const VALUES: JsonValue[] = [
  '甲',
  'B+',
  '100',
  'true',
  'a: b',
  '#x',
  "it's",
  'say "hi"',
  'x, y',
  '[z]',
  '2026-04-01',
  42,
  0.5,
  -3,
  true,
  false,
  '',
  ' lead',
  'CNY',
  '多行\n文本',
];

function leafPaths(v: JsonValue, path: NodePath, out: NodePath[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => leafPaths(x, [...path, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) leafPaths(x, [...path, k], out);
  else out.push(path);
}

/** 0-based first and last line of the node (with its key for a pair) at `path`. */
function lineSpan(text: string, doc: Document, path: NodePath, withKey: boolean): [number, number] {
  const found = locate(doc, path);
  const last = found.steps[found.steps.length - 1];
  const node = found.node as YamlNode;
  const start = withKey && last?.pair && isPair(last.pair) ? ((last.pair.key as YamlNode).range?.[0] ?? 0) : (node.range?.[0] ?? 0);
  let end = node.range?.[1] ?? start;
  if (end > start && text[end - 1] === '\n') end--;
  const line = (o: number) => text.slice(0, o).split('\n').length - 1;
  let first = line(start);
  if (withKey && last) {
    const siblings = last.parent.items as unknown[];
    const at = last.pair ? siblings.indexOf(last.pair) : (last.index ?? 0);
    // Deleting the only item rewrites the parent's line (`key: {}`); deleting the pair after a
    // dash moves the next pair up onto the dash line.
    if (siblings.length === 1) first = line(text.slice(0, last.parent.range?.[0] ?? 0).trimEnd().length);
    const next = siblings[at + 1];
    const dashLine = text.slice(text.lastIndexOf('\n', start - 1) + 1, start).trim() !== '';
    if (last.pair && dashLine && next && isPair(next)) end = (next.key as YamlNode).range?.[0] ?? end;
  }
  return [first, line(end)];
}

describe('write layer: random single-field edits leave every other line byte-identical', () => {
  for (const file of FILES) {
    it(`${file.name}: 300 random sets and deletes`, () => {
      const random = mulberry32(20261204);
      const region = yamlRegion(file.format, file.text) as { start: number; end: number };
      const yamlText = file.text.slice(region.start, region.end);
      const doc = parseAllDocuments(yamlText)[0] as Document;
      const data = doc.toJS() as JsonValue;
      const paths: NodePath[] = [];
      leafPaths(data, [], paths);
      const lines = file.text.split('\n');
      const offsetLines = file.text.slice(0, region.start).split('\n').length - 1;
      for (let i = 0; i < 300; i++) {
        const path = paths[Math.floor(random() * paths.length)] as NodePath;
        const remove = random() < 0.25;
        const value = VALUES[Math.floor(random() * VALUES.length)] as JsonValue;
        const op = remove ? ({ op: 'delete', path } as const) : ({ op: 'set', path, value } as const);
        const r = editFileText(file.format, file.text, 0, op);
        const what = `edit ${i}: ${JSON.stringify(op)}`;
        assert.ok(r.ok, `${what} was refused: ${r.ok ? '' : r.message}`);
        const [a, b] = lineSpan(yamlText, doc, path, remove).map((l) => l + offsetLines) as [number, number];
        const out = r.text.split('\n');
        const after = lines.length - b - 1;
        assert.deepEqual(out.slice(0, a), lines.slice(0, a), `${what}: lines before ${a + 1} changed`);
        assert.deepEqual(out.slice(out.length - after), lines.slice(b + 1), `${what}: lines after ${b + 1} changed`);
        const back = parseAllDocuments(
          r.text.slice(region.start, region.start + (r.text.length - file.text.length) + (region.end - region.start)),
        )[0] as Document;
        assert.deepEqual(back.toJS(), applyToValue(data, op), `${what}: reads back differently`);
      }
    });
  }
});
