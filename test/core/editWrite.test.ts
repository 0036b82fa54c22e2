import { strict as assert } from 'node:assert';
import { editFileText, type EditOp } from '../../src/core/edit/edit';

type Case = { name: string; text: string; op: EditOp; expect: string; doc?: number; format?: 'yaml' | 'markdown' };
type Refusal = { name: string; text: string; op: EditOp; refuse: RegExp; doc?: number; format?: 'yaml' | 'markdown' };

const set = (path: (string | number)[], value: unknown): EditOp => ({ op: 'set', path, value: value as never });
const del = (path: (string | number)[]): EditOp => ({ op: 'delete', path });
const add = (path: (string | number)[], value: unknown): EditOp => ({ op: 'append', path, value: value as never });

/** A tea chain's supplier register: comments on every line, flow maps, quoting of every kind. */
const TEA = `# 供应商名录 — maintained by 采购部
suppliers: # the list
  - id: GYS-001 # 杭州
    name: "杭州茶叶有限公司" # double-quoted
    grade: 甲 # their own tier word
    contract: { amount: 5, currency: CNY } # flow map
    regions: [华东, 华南]

  # the second one is on probation
  - id: GYS-002
    name: 'Lin''s Tea' # single-quoted, escaped
    grade: 乙
    notes: |
      first line
      second line
    kpis:
      - id: K-1
        target: 120 # cups a day
      - id: K-2
        target: 80
# end of file
`;

const replaceLine = (text: string, from: string, to: string): string => {
  assert.ok(text.includes(from), `fixture holds ${from}`);
  return text.replace(from, to);
};

const cases: Case[] = [
  {
    name: 'a plain scalar keeps its inline comment',
    text: TEA,
    op: set(['suppliers', 0, 'grade'], '丙'),
    expect: replaceLine(TEA, 'grade: 甲 #', 'grade: 丙 #'),
  },
  {
    name: 'a double-quoted string stays double-quoted',
    text: TEA,
    op: set(['suppliers', 0, 'name'], '杭州新茶'),
    expect: replaceLine(TEA, '"杭州茶叶有限公司"', '"杭州新茶"'),
  },
  {
    name: 'a single-quoted string stays single-quoted with its quote doubled',
    text: TEA,
    op: set(['suppliers', 1, 'name'], "Lin's Teas"),
    expect: replaceLine(TEA, "'Lin''s Tea'", "'Lin''s Teas'"),
  },
  {
    name: 'a number inside a flow map changes alone',
    text: TEA,
    op: set(['suppliers', 0, 'contract', 'amount'], 7.5),
    expect: replaceLine(TEA, '{ amount: 5, currency: CNY }', '{ amount: 7.5, currency: CNY }'),
  },
  {
    name: 'a new key in a flow map goes before the brace',
    text: TEA,
    op: set(['suppliers', 0, 'contract', 'end'], '2027-03-31'),
    expect: replaceLine(TEA, 'currency: CNY }', 'currency: CNY, end: 2027-03-31 }'),
  },
  {
    name: 'a flow-map value with a comma is quoted',
    text: TEA,
    op: set(['suppliers', 0, 'contract', 'currency'], 'CNY, RMB'),
    expect: replaceLine(TEA, 'currency: CNY }', "currency: 'CNY, RMB' }"),
  },
  {
    name: 'a nested list item field keeps the comment after it',
    text: TEA,
    op: set(['suppliers', 1, 'kpis', 0, 'target'], 150),
    expect: replaceLine(TEA, 'target: 120 #', 'target: 150 #'),
  },
  {
    name: 'a string that looks like a number is quoted',
    text: TEA,
    op: set(['suppliers', 0, 'grade'], '100'),
    expect: replaceLine(TEA, 'grade: 甲 #', "grade: '100' #"),
  },
  {
    name: 'a string that looks like a boolean is quoted',
    text: TEA,
    op: set(['suppliers', 0, 'grade'], 'yes'),
    expect: replaceLine(TEA, 'grade: 甲 #', 'grade: yes #'),
  },
  {
    name: 'true is quoted as a string',
    text: TEA,
    op: set(['suppliers', 0, 'grade'], 'true'),
    expect: replaceLine(TEA, 'grade: 甲 #', "grade: 'true' #"),
  },
  {
    name: 'a string with a colon and space is quoted',
    text: TEA,
    op: set(['suppliers', 0, 'grade'], 'A: top'),
    expect: replaceLine(TEA, 'grade: 甲 #', "grade: 'A: top' #"),
  },
  {
    name: 'a string with " #" is quoted so it is not a comment',
    text: TEA,
    op: set(['suppliers', 0, 'grade'], 'A #1'),
    expect: replaceLine(TEA, 'grade: 甲 #', "grade: 'A #1' #"),
  },
  {
    name: 'a boolean is written bare',
    text: TEA,
    op: set(['suppliers', 0, 'grade'], false),
    expect: replaceLine(TEA, 'grade: 甲 #', 'grade: false #'),
  },
  {
    name: 'a block literal keeps block style',
    text: TEA,
    op: set(['suppliers', 1, 'notes'], 'only line\nand another'),
    expect: replaceLine(TEA, '|\n      first line\n      second line\n', '|-\n      only line\n      and another\n'),
  },
  {
    name: 'a block literal replaced by one line keeps the next key',
    text: TEA,
    op: set(['suppliers', 1, 'notes'], 'short'),
    expect: replaceLine(TEA, '|\n      first line\n      second line\n', 'short\n'),
  },
  {
    name: 'a multi-line value into a plain scalar becomes a literal block, comment kept on the header',
    text: TEA,
    op: set(['suppliers', 0, 'grade'], 'a\nb'),
    expect: replaceLine(TEA, 'grade: 甲 # their own tier word\n', 'grade: |- # their own tier word\n      a\n      b\n'),
  },
  {
    name: 'a new field goes after the record’s last field, before the blank line',
    text: TEA,
    op: set(['suppliers', 0, 'owner'], 'P-07'),
    expect: replaceLine(TEA, '    regions: [华东, 华南]\n', '    regions: [华东, 华南]\n    owner: P-07\n'),
  },
  {
    name: 'a new field after a nested list goes after the list',
    text: TEA,
    op: set(['suppliers', 1, 'owner'], '王芳'),
    expect: replaceLine(TEA, '        target: 80\n', '        target: 80\n    owner: 王芳\n'),
  },
  {
    name: 'a new nested object is created in block style',
    text: TEA,
    op: set(['suppliers', 0, 'contact', 'phone'], '+86 571 0000'),
    expect: replaceLine(TEA, '    regions: [华东, 华南]\n', '    regions: [华东, 华南]\n    contact:\n      phone: +86 571 0000\n'),
  },
  {
    name: 'a CJK key is written plain',
    text: TEA,
    op: set(['suppliers', 0, '备注'], '好'),
    expect: replaceLine(TEA, '    regions: [华东, 华南]\n', '    regions: [华东, 华南]\n    备注: 好\n'),
  },
  {
    name: 'a key with a space and colon is quoted',
    text: TEA,
    op: set(['suppliers', 0, 'a: b'], 1),
    expect: replaceLine(TEA, '    regions: [华东, 华南]\n', '    regions: [华东, 华南]\n    "a: b": 1\n'),
  },
  {
    name: 'a flow list gets an item before the bracket',
    text: TEA,
    op: add(['suppliers', 0, 'regions'], '西南'),
    expect: replaceLine(TEA, '[华东, 华南]', '[华东, 华南, 西南]'),
  },
  {
    name: 'a flow list item is removed with its comma',
    text: TEA,
    op: del(['suppliers', 0, 'regions', 0]),
    expect: replaceLine(TEA, '[华东, 华南]', '[华南]'),
  },
  {
    name: 'the last flow list item is removed with the comma before it',
    text: TEA,
    op: del(['suppliers', 0, 'regions', 1]),
    expect: replaceLine(TEA, '[华东, 华南]', '[华东]'),
  },
  {
    name: 'the only flow list item leaves an empty list',
    text: 'tags: [a] # x\n',
    op: del(['tags', 0]),
    expect: 'tags: [] # x\n',
  },
  {
    name: 'a flow map pair is removed with its comma',
    text: TEA,
    op: del(['suppliers', 0, 'contract', 'amount']),
    expect: replaceLine(TEA, '{ amount: 5, currency: CNY }', '{ currency: CNY }'),
  },
  {
    name: 'a whole flow list is replaced in flow style',
    text: TEA,
    op: set(['suppliers', 0, 'regions'], ['华北']),
    expect: replaceLine(TEA, '[华东, 华南]', '[华北]'),
  },
  {
    name: 'a block list of maps gets an item at its indentation',
    text: TEA,
    op: add(['suppliers', 1, 'kpis'], { id: 'K-3', target: 60 }),
    expect: replaceLine(TEA, '        target: 80\n', '        target: 80\n      - id: K-3\n        target: 60\n'),
  },
  {
    name: 'a block list item is removed with its lines',
    text: TEA,
    op: del(['suppliers', 1, 'kpis', 0]),
    expect: replaceLine(TEA, '      - id: K-1\n        target: 120 # cups a day\n', ''),
  },
  {
    name: 'the only block list item leaves an empty flow list after the key',
    text: 'a:\n  - x\nb: 1\n',
    op: del(['a', 0]),
    expect: 'a: []\nb: 1\n',
  },
  {
    name: 'a block map pair is removed with its line and inline comment',
    text: TEA,
    op: del(['suppliers', 0, 'grade']),
    expect: replaceLine(TEA, '    grade: 甲 # their own tier word\n', ''),
  },
  {
    name: 'a block scalar pair is removed with all its lines',
    text: TEA,
    op: del(['suppliers', 1, 'notes']),
    expect: replaceLine(TEA, '    notes: |\n      first line\n      second line\n', ''),
  },
  {
    name: 'the first pair of a list item is removed and the next moves after the dash',
    text: 'items:\n  - id: a\n    n: 1\n',
    op: del(['items', 0, 'id']),
    expect: 'items:\n  - n: 1\n',
  },
  {
    name: 'a record (list item) is removed whole, the comment above the next one stays',
    text: TEA,
    op: del(['suppliers', 0]),
    expect: replaceLine(TEA, TEA.slice(TEA.indexOf('  - id: GYS-001'), TEA.indexOf('\n  # the second')), ''),
  },
  {
    name: 'an empty value gets the new value after the colon',
    text: 'name:\nowner: x\n',
    op: set(['name'], '茶'),
    expect: 'name: 茶\nowner: x\n',
  },
  {
    name: 'an empty value becomes a nested map on the next lines',
    text: 'contract:\nowner: x\n',
    op: set(['contract', 'amount'], 3),
    expect: 'contract:\n  amount: 3\nowner: x\n',
  },
  {
    name: 'a scalar replaced by a map moves it under the key, keeping the comment',
    text: 'budget: 5 # old\nx: 1\n',
    op: set(['budget'], { amount: 5, currency: 'CNY' }),
    expect: 'budget: # old\n  amount: 5\n  currency: CNY\nx: 1\n',
  },
  {
    name: 'a block map replaced by another keeps its indentation',
    text: 'a:\n    b: 1\n    c: 2\nz: 0\n',
    op: set(['a'], { d: 4 }),
    expect: 'a:\n    d: 4\nz: 0\n',
  },
  {
    name: 'a block collection replaced by a scalar moves up after the key',
    text: 'a:\n  b: 1\nz: 0\n',
    op: set(['a'], 'none'),
    expect: 'a: none\nz: 0\n',
  },
  {
    name: 'CRLF line endings are kept on changed and added lines',
    text: 'a: 1\r\nb:\r\n  c: 2\r\n',
    op: set(['b', 'd'], 3),
    expect: 'a: 1\r\nb:\r\n  c: 2\r\n  d: 3\r\n',
  },
  {
    name: 'CRLF: a removed pair takes its CRLF along',
    text: 'a: 1\r\nb: 2\r\nc: 3\r\n',
    op: del(['b']),
    expect: 'a: 1\r\nc: 3\r\n',
  },
  {
    name: 'CRLF: a scalar edit leaves the line break',
    text: 'a: 1\r\nb: 2\r\n',
    op: set(['a'], 9),
    expect: 'a: 9\r\nb: 2\r\n',
  },
  {
    name: 'a file without a final line break gets the new key on its own line',
    text: 'a: 1\nb: 2',
    op: set(['c'], 3),
    expect: 'a: 1\nb: 2\nc: 3',
  },
  {
    name: 'a four-space file gets four-space nesting',
    text: 'a:\n    b: 1\n',
    op: set(['c', 'd'], 1),
    expect: 'a:\n    b: 1\nc:\n    d: 1\n',
  },
  {
    name: 'the second document of a multi-document file is edited alone',
    text: '---\nid: A\nn: 1\n---\nid: B # b\nn: 1\n',
    doc: 1,
    op: set(['n'], 2),
    expect: '---\nid: A\nn: 1\n---\nid: B # b\nn: 2\n',
  },
  {
    name: 'a map-layout entry keyed by id is edited by its key',
    text: 'SKU-1: { name: 乌龙, price: 28 }\nSKU-2: { name: 红茶, price: 22 }\n',
    op: set(['SKU-2', 'price'], 24),
    expect: 'SKU-1: { name: 乌龙, price: 28 }\nSKU-2: { name: 红茶, price: 24 }\n',
  },
  {
    name: 'a quoted key is found by its value',
    text: '"2026": { q1: 1 }\n\'x y\': 2\n',
    op: set(['x y'], 3),
    expect: '"2026": { q1: 1 }\n\'x y\': 3\n',
  },
  {
    name: 'an anchor that no alias uses stays in place',
    text: 'a: &base 1\nb: 2\n',
    op: set(['a'], 5),
    expect: 'a: &base 5\nb: 2\n',
  },
  {
    name: 'a value beside an anchored one is edited, the anchor and alias untouched',
    text: 'base: &b { c: CNY }\nx: *b\ny: 1 # keep\n',
    op: set(['y'], 2),
    expect: 'base: &b { c: CNY }\nx: *b\ny: 2 # keep\n',
  },
  {
    name: 'a tagged scalar keeps its tag',
    text: 'a: !!str 5\n',
    op: set(['a'], '6'),
    expect: "a: !!str '6'\n",
  },
  {
    name: 'a Markdown front matter field is edited inside the fences',
    format: 'markdown',
    text: '---\ntitle: 门店手册 # 标题\nstatus: draft\n---\n# 门店手册\n\nstatus: draft in the body stays\n',
    op: set(['status'], 'approved'),
    expect: '---\ntitle: 门店手册 # 标题\nstatus: approved\n---\n# 门店手册\n\nstatus: draft in the body stays\n',
  },
  {
    name: 'a new front matter field goes before the closing fence',
    format: 'markdown',
    text: '---\ntitle: A\n---\nbody\n',
    op: set(['owner'], 'P-1'),
    expect: '---\ntitle: A\nowner: P-1\n---\nbody\n',
  },
  {
    name: 'a new front matter field in a CRLF file keeps CRLF before the fence',
    format: 'markdown',
    text: '---\r\ntitle: A\r\n---\r\nbody\r\n',
    op: set(['owner'], 'P-1'),
    expect: '---\r\ntitle: A\r\nowner: P-1\r\n---\r\nbody\r\n',
  },
  {
    name: 'a front matter list gets an item',
    format: 'markdown',
    text: '---\ntags:\n  - a\n---\n',
    op: add(['tags'], 'b'),
    expect: '---\ntags:\n  - a\n  - b\n---\n',
  },
  {
    name: 'appending to a missing list creates it in flow style for scalars',
    text: 'id: X\n',
    op: add(['tags'], '新'),
    expect: 'id: X\ntags: [新]\n',
  },
  {
    name: 'appending to a missing list of objects creates a block list',
    text: 'id: X\n',
    op: add(['milestones'], { id: 'M1', due: '2026-04-30' }),
    expect: 'id: X\nmilestones:\n  - id: M1\n    due: 2026-04-30\n',
  },
  {
    name: 'a new list item with a nested object lines up under the dash',
    text: 'trainings:\n- id: T1\n  on: 2026-01-01\n',
    op: add(['trainings'], { id: 'T2', score: { value: 90, unit: '分' } }),
    expect: 'trainings:\n- id: T1\n  on: 2026-01-01\n- id: T2\n  score:\n    value: 90\n    unit: 分\n',
  },
  {
    name: 'a scalar list item is replaced in place',
    text: 'tags:\n  - a # first\n  - b\n',
    op: set(['tags', 0], 'z'),
    expect: 'tags:\n  - z # first\n  - b\n',
  },
  {
    name: 'an empty flow map gets its first pair',
    text: 'channel_prices: {}\n',
    op: set(['channel_prices', 'online'], 19.9),
    expect: 'channel_prices: { online: 19.9 }\n',
  },
  {
    name: 'an empty flow list gets its first item',
    text: 'regions: []\n',
    op: add(['regions'], 'R-1'),
    expect: 'regions: [R-1]\n',
  },
  {
    name: 'a string with a newline inside a flow map is double-quoted',
    text: 'a: { b: x }\n',
    op: set(['a', 'b'], 'l1\nl2'),
    expect: 'a: { b: "l1\\nl2" }\n',
  },
  {
    name: 'a value with leading spaces is quoted',
    text: 'a: x\n',
    op: set(['a'], '  x'),
    expect: "a: '  x'\n",
  },
  {
    name: 'a null value is written as null',
    text: 'a: x\n',
    op: set(['a'], null),
    expect: 'a: null\n',
  },
  {
    name: 'blank lines and comments between records stay as they were',
    text: 'a: 1\n\n\n# c\n\nb: 2\n',
    op: set(['b'], 3),
    expect: 'a: 1\n\n\n# c\n\nb: 3\n',
  },
];

const refusals: Refusal[] = [
  { name: 'a syntax error elsewhere in the file', text: 'a: 1\nb: [unclosed\nc: 3\n', op: set(['a'], 2), refuse: /syntax error at line \d/ },
  { name: 'a repeated key', text: 'a: 1\nb: 2\na: 3\n', op: set(['b'], 5), refuse: /a key is repeated at line 3/ },
  { name: 'an edit through an alias', text: 'base: &b { c: CNY }\nx: *b\n', op: set(['x', 'c'], 'USD'), refuse: /x is an alias of &b/ },
  { name: 'an edit of an anchored value an alias repeats', text: 'base: &b { c: CNY }\nx: *b\n', op: set(['base', 'c'], 'USD'), refuse: /anchored as &b/ },
  { name: 'an edit of a map with a merge key', text: 'base: &b { c: CNY }\nx:\n  <<: *b\n  d: 1\n', op: set(['x', 'd'], 2), refuse: /merges fields/ },
  { name: 'a delete of a missing field', text: 'a: 1\n', op: del(['b']), refuse: /b is not in the file/ },
  { name: 'an append to a scalar', text: 'a: 1\n', op: add(['a'], 2), refuse: /a is not a list/ },
  { name: 'a field under a scalar', text: 'a: 1\n', op: set(['a', 'b'], 2), refuse: /a is not a mapping/ },
  { name: 'a missing document', text: 'a: 1\n', doc: 3, op: set(['a'], 2), refuse: /no document 4/ },
  { name: 'front matter that is missing', format: 'markdown', text: '# Title\n', op: set(['a'], 2), refuse: /no front matter/ },
  { name: 'a number that is not finite', text: 'a: 1\n', op: set(['a'], Infinity), refuse: /not a finite number/ },
];

describe('write layer: field edits keep the file (CST-preserving)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = editFileText(c.format ?? 'yaml', c.text, c.doc ?? 0, c.op);
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(r.text, c.expect);
      assert.equal(c.text.slice(0, r.edit.start) + r.edit.newText + c.text.slice(r.edit.end), c.expect);
    });
  }
  for (const c of refusals) {
    it(`refuses ${c.name}, leaving the text alone`, () => {
      const r = editFileText(c.format ?? 'yaml', c.text, c.doc ?? 0, c.op);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.message, c.refuse);
    });
  }
});
