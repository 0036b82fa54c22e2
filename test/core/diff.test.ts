import { strict as assert } from 'node:assert';
import { changeOf, diffWorkspaces } from '../../src/core/diff/diff';
import { isHigherVersion } from '../../src/core/diff/semver';
import type { WorkspaceDiff } from '../../src/core/diff/types';
import { hunkToString, tokenize, wordHunks } from '../../src/core/diff/words';
import { baseWorkspace } from './fixture';
import { openMem } from './memfs';

type Files = Record<string, string>;

const CONFIG = `opsbook: 1
packs: [ops]
review:
  - kinds: [standard, brand]
    approvers: [PER-ANNA]
  - kinds: [product]
    approvers: [PER-BO]
    paths: ["catalog/**"]
`;

function base(): Files {
  return { ...baseWorkspace(), 'opsbook.yaml': CONFIG };
}

/** The base workspace with some files replaced (`undefined` deletes a file). */
function changed(edits: Record<string, string | undefined>): Files {
  const files = base();
  for (const [p, c] of Object.entries(edits)) {
    if (c === undefined) delete files[p];
    else files[p] = c;
  }
  return files;
}

/** Applies text replacements to one file of the base workspace. */
function edit(file: string, ...pairs: [string, string][]): Files {
  let text = base()[file] as string;
  for (const [from, to] of pairs) {
    assert.ok(text.includes(from), `${from} not in ${file}`);
    text = text.replace(from, to);
  }
  return changed({ [file]: text });
}

// Opening a workspace compiles every schema; the diff never changes a workspace, so equal file sets share one.
const opened = new Map<string, ReturnType<typeof openMem>>();
function open(files: Files): ReturnType<typeof openMem> {
  const key = JSON.stringify(Object.entries(files).sort());
  let ws = opened.get(key);
  if (!ws) opened.set(key, (ws = openMem(files)));
  return ws;
}

async function diff(before: Files, after: Files): Promise<WorkspaceDiff> {
  const b = await open(before);
  const a = await open(after);
  assert.deepEqual(b.configProblems, []);
  assert.deepEqual(a.configProblems, []);
  return diffWorkspaces(b.workspace, a.workspace);
}

const STANDARD = (version: string, clause: string, extra = '') => `---
id: STD-SVC-001
title: Customer service
owner: PER-BO
status: approved
version: ${version}
approved_by: [PER-ANNA]${extra}
---

# Customer service

## 1 Greeting
Greet every customer within 30 seconds.

## 2 Explain materials
${clause}

## 3 Complaints
Reply to written complaints within one working day.
`;

const CLAUSE = 'Explain the material, construction and care of every product discussed, using the terms of the colour and materials chapter.';

describe('diff: fields', () => {
  it('reports an unchanged workspace as no changes', async () => {
    const d = await diff(base(), base());
    assert.deepEqual(d.changes, []);
    assert.deepEqual(d.review, []);
    assert.deepEqual(d.introduced, []);
  });

  it('reports a changed price with absolute and percent change', async () => {
    const d = await diff(base(), edit('catalog/products.yaml', ['list_price: 1000', 'list_price: 1100']));
    assert.equal(d.changes.length, 1);
    const c = d.changes[0]!;
    assert.deepEqual([c.kind, c.id, c.change, c.file, c.line], ['product', 'SKU-1', 'modified', 'catalog/products.yaml', 2]);
    assert.deepEqual(c.fields, [{ path: 'list_price', change: 'changed', before: 1000, after: 1100, delta: 100, percent: 10 }]);
  });

  it('gives no percent change from zero and a negative one for a cut', async () => {
    const d = await diff(base(), edit('catalog/products.yaml', ['list_price: 1000', 'list_price: 999'], ['online: 900', 'online: 0']));
    assert.deepEqual(
      d.changes[0]!.fields.map((f) => [f.path, f.delta, f.percent]),
      [
        ['list_price', -1, -0.1],
        ['channel_prices.online', -900, -100],
      ],
    );
    const back = await diff(edit('catalog/products.yaml', ['online: 900', 'online: 0']), base());
    assert.deepEqual(
      back.changes[0]!.fields.map((f) => [f.path, f.delta, f.percent]),
      [['channel_prices.online', 900, undefined]],
    );
  });

  it('reports fields added and removed, with the before or after side absent', async () => {
    const d = await diff(
      base(),
      edit(
        'catalog/products.yaml',
        ['    floor_price: 800\n', ''],
        ['channel_prices: { flagship: 1000, online: 900 }', 'channel_prices: { flagship: 1000, online: 900, distributor: 850 }'],
      ),
    );
    assert.deepEqual(d.changes[0]!.fields, [
      { path: 'floor_price', change: 'removed', before: 800 },
      { path: 'channel_prices.distributor', change: 'added', after: 850 },
    ]);
  });

  it('matches list items by id, not by position, and addresses nested entities', async () => {
    const plan = `id: PLN-EAST
title: East plan
region: RGN-EAST
period: 2026-H2
owner: PER-BO
parent: PLN-CO
status: draft
budget: { amount: 500, currency: CNY }
objectives:
  - id: OBJ-A
    title: A
    kpis:
      - { id: KPI-A1, metric: Revenue A, unit: CNY, target: 100, actual: 10 }
      - { id: KPI-A2, metric: Visits A, unit: count, target: 50 }
  - id: OBJ-B
    title: B
`;
    const reordered = plan.replace(
      /objectives:\n[\s\S]*$/,
      `objectives:
  - id: OBJ-B
    title: B
  - id: OBJ-A
    title: A
    kpis:
      - { id: KPI-A2, metric: Visits A, unit: count, target: 50 }
      - { id: KPI-A1, metric: Revenue A, unit: CNY, target: 100, actual: 25 }
      - { id: KPI-A3, metric: Leads A, unit: count, target: 5 }
`,
    );
    assert.ok(reordered.indexOf('OBJ-B') < reordered.indexOf('OBJ-A'));
    const d = await diff(changed({ 'plans/2026/east.yaml': plan }), changed({ 'plans/2026/east.yaml': reordered }));
    assert.equal(d.changes.length, 1);
    const c = d.changes[0]!;
    assert.deepEqual(
      c.fields.map((f) => [f.path, f.change, f.before, f.after, f.entity?.id]),
      [
        ['objectives[OBJ-A].kpis[KPI-A1].actual', 'changed', 10, 25, 'KPI-A1'],
        ['objectives[OBJ-A].kpis[KPI-A3]', 'added', undefined, { id: 'KPI-A3', metric: 'Leads A', unit: 'count', target: 5 }, 'KPI-A3'],
      ],
    );
    assert.deepEqual(c.nested, [
      { kind: 'kpi', id: 'KPI-A1', change: 'modified' },
      { kind: 'kpi', id: 'KPI-A3', change: 'added' },
    ]);
    const kpi = changeOf(d, 'kpi', 'KPI-A1');
    assert.equal(kpi?.change.id, 'PLN-EAST');
    assert.deepEqual(
      kpi?.fields.map((f) => f.path),
      ['objectives[OBJ-A].kpis[KPI-A1].actual'],
    );
  });

  it('compares lists of plain values as sets', async () => {
    const d = await diff(base(), edit('partners/partners.yaml', ['    status: active\n', '    status: active\n    regions: [RGN-HQ, RGN-EAST]\n']));
    const again = await diff(
      edit('partners/partners.yaml', ['    status: active\n', '    status: active\n    regions: [RGN-HQ, RGN-EAST]\n']),
      edit('partners/partners.yaml', ['    status: active\n', '    status: active\n    regions: [RGN-EAST, RGN-NORTH]\n']),
    );
    assert.deepEqual(d.changes[0]!.fields, [{ path: 'regions', change: 'added', after: ['RGN-HQ', 'RGN-EAST'] }]);
    assert.deepEqual(
      again.changes[0]!.fields.map((f) => [f.path, f.added, f.removed]),
      [['regions', ['RGN-NORTH'], ['RGN-HQ']]],
    );
    const reordered = await diff(
      edit('partners/partners.yaml', ['    status: active\n', '    status: active\n    regions: [RGN-HQ, RGN-EAST]\n']),
      edit('partners/partners.yaml', ['    status: active\n', '    status: active\n    regions: [RGN-EAST, RGN-HQ]\n']),
    );
    assert.deepEqual(reordered.changes, []);
  });

  it('reports an entity that moved to another file, and one that moved and changed', async () => {
    const entry = base()['partners/partners.yaml']!.replace('partners:\n', '');
    const moved = changed({ 'partners/partners.yaml': 'partners: []\n', 'partners/suppliers.yaml': `partners:\n${entry}` });
    const d = await diff(base(), moved);
    assert.deepEqual(
      d.changes.map((c) => [c.kind, c.id, c.change, c.file, c.previousFile, c.fields.length]),
      [['partner', 'PTN-ACME', 'moved', 'partners/suppliers.yaml', 'partners/partners.yaml', 0]],
    );
    const movedAndChanged = changed({
      'partners/partners.yaml': 'partners: []\n',
      'partners/suppliers.yaml': `partners:\n${entry.replace('status: active', 'status: suspended')}`,
    });
    const d2 = await diff(base(), movedAndChanged);
    assert.equal(d2.changes[0]!.change, 'moved');
    assert.deepEqual(
      d2.changes[0]!.fields.map((f) => [f.path, f.before, f.after]),
      [['status', 'active', 'suspended']],
    );
  });

  it('reports a renamed id when the rest is identical, and marks references that follow it', async () => {
    const renamed = (text: string) => text.replace(/PRJ-POS/g, 'PRJ-POS-2026');
    const files = base();
    const after = changed({
      'projects/pos.md': renamed(files['projects/pos.md']!),
      'finance/expenses.yaml': renamed(files['finance/expenses.yaml']!),
      'plans/2026/company.yaml': renamed(files['plans/2026/company.yaml']!),
    });
    const d = await diff(base(), after);
    assert.deepEqual(
      d.changes.map((c) => [c.kind, c.id, c.change, c.previousId, c.fields.length, c.nested.length]),
      [
        ['expense', 'EXP-1', 'modified', undefined, 1, 0],
        ['plan', 'PLN-CO', 'modified', undefined, 1, 1],
        ['project', 'PRJ-POS-2026', 'renamed', 'PRJ-POS', 0, 0],
      ],
    );
    assert.deepEqual(d.changes[0]!.fields[0]!.followsRename, { kind: 'project', from: 'PRJ-POS', to: 'PRJ-POS-2026' });
    assert.equal(d.changes[1]!.fields[0]!.path, 'objectives[OBJ-CO].initiatives[INI-CO-POS].project');
    assert.ok(d.changes[1]!.fields[0]!.followsRename);
  });

  it('reports a removal and an addition when the id and other fields changed', async () => {
    const files = base();
    const d = await diff(
      base(),
      changed({ 'projects/pos.md': files['projects/pos.md']!.replace('id: PRJ-POS', 'id: PRJ-POS-2').replace('budget: 300', 'budget: 350') }),
    );
    assert.deepEqual(
      d.changes.filter((c) => c.kind === 'project').map((c) => [c.id, c.change]),
      [
        ['PRJ-POS', 'removed'],
        ['PRJ-POS-2', 'added'],
      ],
    );
    assert.deepEqual(d.changes.find((c) => c.id === 'PRJ-POS-2')!.nested, [
      { kind: 'milestone', id: 'MS-POS-PILOT', change: 'moved', previousParent: { kind: 'project', id: 'PRJ-POS' } },
    ]);
  });
});

describe('diff: Markdown sections', () => {
  it('reports a reworded clause with a word-level excerpt', async () => {
    const d = await diff(
      changed({ 'standards/STD-SVC-001.md': STANDARD('1.0.0', CLAUSE) }),
      changed({
        'standards/STD-SVC-001.md': STANDARD('1.0.0', CLAUSE.replace('the colour and materials chapter', 'the materials chapter of the brand manual')),
      }),
    );
    const c = d.changes[0]!;
    assert.deepEqual(c.fields, []);
    assert.equal(c.sections.length, 1);
    const s = c.sections[0]!;
    assert.deepEqual([s.heading, s.change, s.clause, s.level, s.textChanged, s.line], ['2 Explain materials', 'changed', '2', 2, true, 15]);
    assert.deepEqual(s.hunks, [
      {
        before: 'using the terms of the',
        removed: 'colour and materials chapter.',
        added: 'materials chapter of the brand manual.',
        after: '',
        leadingCut: true,
        trailingCut: false,
      },
    ]);
  });

  it('ignores re-wrapped lines and reports added and removed sections in document order', async () => {
    const before = STANDARD('1.0.0', CLAUSE);
    const after = before
      .replace('Greet every customer within 30 seconds.', 'Greet every customer\nwithin 30 seconds.')
      .replace('## 3 Complaints\nReply to written complaints within one working day.\n', '## 4 Deposits\nMade-to-order items need a deposit.\n');
    const d = await diff(changed({ 'standards/STD-SVC-001.md': before }), changed({ 'standards/STD-SVC-001.md': after }));
    assert.deepEqual(
      d.changes[0]!.sections.map((s) => [s.heading, s.change, s.clause]),
      [
        ['3 Complaints', 'removed', '3'],
        ['4 Deposits', 'added', '4'],
      ],
    );
  });

  it('matches a retitled clause by its number and a renumbered clause by its title', async () => {
    const before = STANDARD('1.0.0', CLAUSE);
    const after = before.replace('## 2 Explain materials', '## 2 Explain materials honestly').replace('## 3 Complaints', '## 4 Complaints');
    const d = await diff(changed({ 'standards/STD-SVC-001.md': before }), changed({ 'standards/STD-SVC-001.md': after }));
    assert.deepEqual(
      d.changes[0]!.sections.map((s) => [s.heading, s.change, s.previousHeading, s.textChanged]),
      [
        ['2 Explain materials honestly', 'renamed', '2 Explain materials', false],
        ['4 Complaints', 'renamed', '3 Complaints', false],
      ],
    );
  });

  it('treats text before the first heading as a section of its own', async () => {
    const before = STANDARD('1.0.0', CLAUSE).replace('# Customer service\n', 'Applies to all stores.\n\n# Customer service\n');
    const after = before.replace('Applies to all stores.', 'Applies to all stores and counters.');
    const d = await diff(changed({ 'standards/STD-SVC-001.md': before }), changed({ 'standards/STD-SVC-001.md': after }));
    assert.deepEqual(
      d.changes[0]!.sections.map((s) => [s.heading, s.change, s.hunks?.[0]?.added]),
      [['', 'changed', 'stores and counters.']],
    );
  });
});

describe('diff: files that do not parse', () => {
  it('reports a head file that no longer parses, without calling its entities removed', async () => {
    const d = await diff(base(), changed({ 'partners/partners.yaml': 'partners:\n  - id: PTN-ACME\n    name: [unclosed\n' }));
    assert.deepEqual(
      d.changes.filter((c) => c.kind === 'partner'),
      [],
    );
    assert.equal(d.parseErrors.length, 1);
    assert.deepEqual(
      [d.parseErrors[0]!.file, d.parseErrors[0]!.side, d.parseErrors[0]!.ruleId, d.parseErrors[0]!.entities],
      ['partners/partners.yaml', 'head', 'yaml/syntax', ['PTN-ACME']],
    );
    assert.ok(d.introduced.some((x) => x.ruleId === 'yaml/syntax'));
  });

  it('reports a base file that did not parse, and does not call its entities added', async () => {
    const d = await diff(changed({ 'standards/STD-SVC-001.md': '---\nid: STD-SVC-001\ntitle: [x\n---\n# Body\n' }), base());
    assert.deepEqual(d.changes, []);
    assert.deepEqual(
      d.parseErrors.map((p) => [p.file, p.side, p.entities]),
      [['standards/STD-SVC-001.md', 'base', ['STD-SVC-001']]],
    );
    assert.ok(d.resolved.some((x) => x.ruleId === 'yaml/syntax'));
  });
});

describe('diff: files read despite a YAML mistake', () => {
  it('a repeated key is no parse failure: the entity is compared with its last value', async () => {
    const d = await diff(base(), edit('partners/partners.yaml', ['    status: active\n', '    status: active\n    name: Acme 装修\n']));
    assert.deepEqual(d.parseErrors, []);
    assert.deepEqual(
      d.changes.map((c) => [c.id, c.change, c.fields.map((f) => [f.path, f.before, f.after])]),
      [['PTN-ACME', 'modified', [['name', 'Acme Fit-out', 'Acme 装修']]]],
    );
    assert.ok(d.introduced.some((x) => x.ruleId === 'yaml/duplicate-key'));
  });

  it('a syntax error in an added entry: the file is reported, the entry not compared, its sibling still is', async () => {
    const d = await diff(
      base(),
      edit('partners/partners.yaml', ['    status: active\n', '    status: suspended\n'], ['CNY }\n', 'CNY }\n  - id: PTN-NEW\n    name: 新: 伙伴\n']),
    );
    assert.deepEqual(
      d.parseErrors.map((p) => [p.file, p.side, p.ruleId, p.entities]),
      [['partners/partners.yaml', 'head', 'yaml/syntax', []]],
    );
    assert.deepEqual(
      d.changes.map((c) => [c.id, c.change, c.fields.map((f) => f.path)]),
      [['PTN-ACME', 'modified', ['status']]],
    );
  });
});

describe('diff: review rules and approvers', () => {
  const std = (version: string, clause: string, extra = '') => changed({ 'standards/STD-SVC-001.md': STANDARD(version, clause, extra) });

  it('fails review/version-not-bumped when an approved standard changes without a higher version', async () => {
    const d = await diff(std('1.0.0', CLAUSE), std('1.0.0', `${CLAUSE} Never guess.`));
    assert.deepEqual(
      d.review.map((r) => [r.ruleId, r.severity, r.entity, r.file, r.range.start.line]),
      [
        ['review/version-not-bumped', 'error', 'STD-SVC-001', 'standards/STD-SVC-001.md', 6],
        ['review/approval-stale', 'warning', 'STD-SVC-001', 'standards/STD-SVC-001.md', 7],
      ],
    );
    assert.match(d.review[0]!.message, /approved standard STD-SVC-001 changed \(clause 2\) but stays at version 1\.0\.0/);
    assert.deepEqual(d.changes[0]!.review, ['review/version-not-bumped', 'review/approval-stale']);
  });

  it('passes with a higher version; a lower one or a non-semver one fails', async () => {
    const bumped = await diff(std('1.0.0', CLAUSE), std('1.0.1', `${CLAUSE} Never guess.`));
    assert.deepEqual(
      bumped.review.map((r) => r.ruleId),
      ['review/approval-stale'],
    );
    const lower = await diff(std('1.2.0', CLAUSE), std('1.1.9', `${CLAUSE} Never guess.`));
    assert.match(lower.review[0]!.message, /goes from version 1\.2\.0 to 1\.1\.9, which is not higher/);
    const reapproved = changed({
      'standards/STD-SVC-001.md': STANDARD('1.1.0', `${CLAUSE} Never guess.`).replace('approved_by: [PER-ANNA]', 'approved_by: [PER-ANNA, PER-BO]'),
    });
    assert.deepEqual((await diff(std('1.0.0', CLAUSE), reapproved)).review, []);
  });

  it('does not fire for approval fields alone, for drafts, or when the document is set back to in-review', async () => {
    const approvalOnly = await diff(std('1.0.0', CLAUSE), std('1.0.0', CLAUSE, '\nreview_due: 2027-01-01'));
    assert.deepEqual(approvalOnly.review, []);
    const draftBase = changed({ 'standards/STD-SVC-001.md': STANDARD('1.0.0', CLAUSE).replace('status: approved', 'status: draft') });
    const draft = await diff(draftBase, changed({ 'standards/STD-SVC-001.md': STANDARD('1.0.0', 'New text.').replace('status: approved', 'status: draft') }));
    assert.deepEqual(draft.review, []);
    const inReview = await diff(
      std('1.0.0', CLAUSE),
      changed({ 'standards/STD-SVC-001.md': STANDARD('1.1.0', 'New text.').replace('status: approved', 'status: in-review') }),
    );
    assert.deepEqual(inReview.review, []);
  });

  it('takes the stricter severity of the two sides, so a change cannot switch the rule off for itself', async () => {
    const off = (files: Files) => ({ ...files, 'opsbook.yaml': `${CONFIG}rules:\n  review/version-not-bumped: off\n` });
    const d = await diff(std('1.0.0', CLAUSE), off(std('1.0.0', `${CLAUSE} Never guess.`)));
    assert.ok(d.review.some((r) => r.ruleId === 'review/version-not-bumped' && r.severity === 'error'));
    const both = await diff(off(std('1.0.0', CLAUSE)), off(std('1.0.0', `${CLAUSE} Never guess.`)));
    assert.ok(!both.review.some((r) => r.ruleId === 'review/version-not-bumped'));
  });

  it('lists approvers from review rules (kinds and paths) and owners, per change and de-duplicated', async () => {
    const after = {
      ...std('1.0.0', `${CLAUSE} Never guess.`),
      'catalog/products.yaml': base()['catalog/products.yaml']!.replace('list_price: 1000', 'list_price: 1100'),
      'org/people.yaml': base()['org/people.yaml']!.replace('    name: Anna\n', '    name: Anna\n    github: anna-gh\n'),
    };
    const d = await diff(base(), after);
    const byId = Object.fromEntries(d.changes.map((c) => [c.id, c.approvers]));
    assert.deepEqual(byId, { 'PER-ANNA': [], 'SKU-1': ['PER-BO'], 'STD-SVC-001': ['PER-ANNA', 'PER-BO'] });
    assert.deepEqual(
      d.approvers.map((a) => [a.id, a.name, a.github, a.for, a.reasons]),
      [
        ['PER-ANNA', 'Anna', 'anna-gh', ['standard STD-SVC-001'], ['review-rule']],
        ['PER-BO', 'Bo', undefined, ['product SKU-1', 'standard STD-SVC-001'], ['review-rule', 'owner']],
      ],
    );
  });
});

describe('diff: introduced diagnostics', () => {
  it('lists only new findings, ignoring findings that moved lines', async () => {
    const withWarning = (files: Files) => ({ ...files, 'inventory/east.yaml': files['inventory/east.yaml']!.replace('on_hand: 5', 'on_hand: 1') });
    const shifted = withWarning(edit('inventory/east.yaml', ['id: INV-EAST\n', '# East stock\nid: INV-EAST\n']));
    const d = await diff(withWarning(base()), shifted);
    assert.deepEqual(d.introduced, []);
    const d2 = await diff(base(), withWarning(base()));
    assert.deepEqual(
      d2.introduced.map((x) => [x.file, x.ruleId, x.entity]),
      [['inventory/east.yaml', 'inventory/below-reorder', 'INV-EAST']],
    );
    assert.deepEqual(d2.resolved, []);
  });
});

describe('diff: word excerpts and versions', () => {
  it('keeps a few hunks with context and counts the rest', () => {
    const before = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';
    const after = before.replace('two', '2').replace('eight', '8').replace('fourteen', '14');
    const { hunks, count } = wordHunks(before, after, { context: 2, maxHunks: 2 });
    assert.equal(count, 3);
    assert.deepEqual(hunks.map(hunkToString), ['one [-two-] {+2+} three four …', '… six seven [-eight-] {+8+} nine ten …']);
  });

  it('stays bounded on long, completely different texts', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ');
    const t = Date.now();
    const { hunks, count } = wordHunks(a, b);
    assert.ok(Date.now() - t < 1000);
    assert.equal(count, 1);
    assert.match(hunks[0]!.removed, /^a0 a1 .* … a19997 a19998 a19999$/);
  });

  it('splits CJK text into characters', () => {
    assert.deepEqual(tokenize('顾客 30秒内问候'), ['顾', '客', '30', '秒', '内', '问', '候']);
    assert.equal(hunkToString(wordHunks('30秒内问候', '45秒内问候').hunks[0]!), '[-30-] {+45+} 秒内问候');
  });

  it('compares semantic versions', () => {
    assert.ok(isHigherVersion('3.2.0', '3.2.1'));
    assert.ok(isHigherVersion('3.2.0', '3.10.0'));
    assert.ok(isHigherVersion('1.0.0-rc.1', '1.0.0'));
    assert.ok(isHigherVersion('1.0.0-rc.2', '1.0.0-rc.10'));
    assert.ok(isHigherVersion(1.2, '1.2.1'));
    assert.ok(!isHigherVersion('3.2.0', '3.2.0'));
    assert.ok(!isHigherVersion('3.2.0', '3.1.9'));
    assert.ok(!isHigherVersion('3.2.0', 'next'));
    assert.ok(!isHigherVersion('1.0.0', '1.0.0-rc.1'));
  });
});
