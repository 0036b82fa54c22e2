import { strict as assert } from 'node:assert';
import type { Entity } from '../../src/core/model/entity';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import { baseWorkspace, brief, rangeAt } from './fixture';
import { openMem } from './memfs';
import { WorkspaceSearch } from '../../src/core/model/search';

function summary(ws: Workspace, e: Entity): string {
  const r = ws.entityRange(e);
  return `${e.kind} ${e.id} "${e.title}" ${e.file}#${e.doc} ${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

describe('model: entities and nesting', () => {
  it('reads nested objectives, KPIs and initiatives with their parents', async () => {
    const { workspace: ws } = await openMem(baseWorkspace());
    const kpi = ws.get('kpi', 'KPI-CO-REV');
    assert.ok(kpi);
    assert.equal(kpi.parent?.kind, 'objective');
    assert.equal(kpi.parent?.id, 'OBJ-CO');
    assert.equal(kpi.parent?.parent?.kind, 'plan');
    assert.equal(kpi.parent?.parent?.id, 'PLN-CO');
    assert.equal(kpi.parent?.parent?.parent, undefined);
    assert.deepEqual(kpi.path, ['objectives', 0, 'kpis', 0]);
    assert.equal(kpi.title, 'Revenue', 'kpi titles come from metric');
    const text = baseWorkspace()['plans/2026/company.yaml'] as string;
    assert.deepEqual(ws.entityRange(kpi), rangeAt(text, 'id: KPI-CO-REV', 'KPI-CO-REV'));

    const plan = ws.get('plan', 'PLN-CO') as Entity;
    assert.deepEqual(
      ws.children(plan).map((c) => `${c.kind}:${c.id}`),
      ['objective:OBJ-CO'],
    );
    const obj = ws.get('objective', 'OBJ-CO') as Entity;
    assert.deepEqual(
      ws
        .children(obj)
        .map((c) => `${c.kind}:${c.id}`)
        .sort(),
      ['initiative:INI-CO-POS', 'kpi:KPI-CO-REV'],
    );
    const ms = ws.get('milestone', 'MS-POS-PILOT');
    assert.equal(ms?.parent?.id, 'PRJ-POS');
  });

  it('assigns references inside nested entities to the innermost entity, with a field relative to it', async () => {
    const { workspace: ws } = await openMem(baseWorkspace());
    const refs = ws.referencesTo('kpi', 'KPI-CO-REV');
    assert.deepEqual(
      refs.map((r) => [r.from.kind, r.from.id, r.field]),
      [['kpi', 'KPI-EAST-REV', 'contributes_to']],
    );
    const ini = ws.get('initiative', 'INI-EAST-WINDOW') as Entity;
    assert.deepEqual(
      ws.referencesFrom(ini).map((r) => [r.field, r.targetKind, r.value]),
      [['partners[]', 'partner', 'PTN-ACME']],
    );
    const plan = ws.get('plan', 'PLN-EAST') as Entity;
    assert.deepEqual(
      ws
        .referencesFrom(plan)
        .map((r) => r.field)
        .sort(),
      ['owner', 'parent', 'region'],
    );
  });

  it('counts files and entities', async () => {
    const { workspace: ws } = await openMem(baseWorkspace());
    assert.equal(ws.fileCount, 12);
    assert.equal(ws.entityCount, 21);
    assert.equal(ws.fileKind('plans/2026/east.yaml'), 'plan');
    assert.equal(ws.entities('kpi').length, 2);
  });
});

const LAYOUTS = `packs: []
kinds:
  single: { files: "s/*.yaml", layout: single }
  toplist: { files: "l/*.yaml", layout: list }
  keylist: { files: "k/*.yaml", layout: list, listKey: members }
  mapped: { files: "m/*.yaml", layout: map, title: label }
  data: { files: "d/*.yaml", layout: none }
  doc: { files: "docs/*.md", layout: markdown }
`;

describe('model: the four YAML layouts (custom kinds in an inline opsbook.yaml)', () => {
  it('single, list (top level and under a key), map (ids as keys), none, markdown', async () => {
    const { workspace: ws, configProblems } = await openMem({
      'opsbook.yaml': LAYOUTS,
      's/a.yaml': 'id: S-1\ntitle: One\n',
      'l/a.yaml': '- id: L-1\n  name: Alpha\n- id: L-2\n  name: Beta\n',
      'k/a.yaml': 'team: x\nmembers:\n  - id: K-1\n  - id: K-2\n',
      'm/a.yaml': 'M-1:\n  label: First\nM-2:\n  label: Second\n',
      'd/a.yaml': 'id: D-1\nx: [1, 2]\n',
      'docs/a.md': '---\nid: DOC-1\ntitle: Doc\n---\n# Hello\n',
      'docs/plain.md': '# No front matter\n\nJust text.\n',
    });
    assert.deepEqual(configProblems, []);
    const all = ws
      .entities()
      .map((e) => summary(ws, e))
      .sort();
    assert.deepEqual(all, [
      'doc DOC-1 "Doc" docs/a.md#0 2:5-2:10',
      'keylist K-1 "K-1" k/a.yaml#0 3:9-3:12',
      'keylist K-2 "K-2" k/a.yaml#0 4:9-4:12',
      'mapped M-1 "First" m/a.yaml#0 1:1-1:4',
      'mapped M-2 "Second" m/a.yaml#0 3:1-3:4',
      'single S-1 "One" s/a.yaml#0 1:5-1:8',
      'toplist L-1 "Alpha" l/a.yaml#0 1:7-1:10',
      'toplist L-2 "Beta" l/a.yaml#0 3:7-3:10',
    ]);
    assert.equal(ws.fileKind('d/a.yaml'), 'data');
    assert.equal(ws.fileKind('docs/plain.md'), undefined, 'a Markdown file without front matter is a plain document');
    assert.deepEqual(
      ws.parsedFile('docs/plain.md')?.body?.sections.map((s) => s.heading),
      ['No front matter'],
    );
    assert.deepEqual(ws.diagnostics(), []);
  });

  it('a list layout whose file is not a list is a schema/type finding', async () => {
    const { workspace: ws } = await openMem({ 'opsbook.yaml': LAYOUTS, 'k/a.yaml': 'members: nope\n' });
    assert.deepEqual(
      ws.diagnostics().map((d) => d.ruleId),
      ['schema/type'],
    );
  });

  it('a list entry that is not a mapping is a schema/type finding at the entry', async () => {
    const { workspace: ws } = await openMem({ 'opsbook.yaml': LAYOUTS, 'l/a.yaml': '- id: L-1\n- just text\n' });
    assert.deepEqual(ws.diagnostics().map(brief), ['l/a.yaml:2:3-2:12 schema/type']);
  });

  it('id/missing for a kind without a schema: exactly one finding, at the first key', async () => {
    const { workspace: ws } = await openMem({ 'opsbook.yaml': LAYOUTS, 'l/a.yaml': '- id: L-1\n- name: No id\n' });
    const diags = ws.diagnostics();
    assert.deepEqual(diags.map(brief), ['l/a.yaml:2:3-2:7 id/missing']);
    assert.equal(diags[0]?.severity, 'error');
    assert.match(diags[0]?.message ?? '', /has no "id"/);
  });

  it('multi-document YAML: one entity per document, ranges in the right document', async () => {
    const text = 'id: S-1\ntitle: One\n---\nid: S-2\ntitle: Two\n---\n# an empty document\n---\nid: S-3\n';
    const { workspace: ws } = await openMem({ 'opsbook.yaml': LAYOUTS, 's/multi.yaml': text });
    assert.deepEqual(
      ws.entities().map((e) => summary(ws, e)),
      ['single S-1 "One" s/multi.yaml#0 1:5-1:8', 'single S-2 "Two" s/multi.yaml#1 4:5-4:8', 'single S-3 "S-3" s/multi.yaml#3 9:5-9:8'],
    );
    assert.deepEqual(ws.diagnostics(), []);
  });

  it('multi-document YAML: findings point into the right document', async () => {
    const { workspace: ws } = await openMem({
      'opsbook.yaml': `${LAYOUTS}references:\n  - { kind: single, path: owner, target: single }\n`,
      's/multi.yaml': 'id: S-1\n---\nid: S-2\nowner: S-9\n',
    });
    assert.deepEqual(ws.diagnostics().map(brief), ['s/multi.yaml:4:8-4:11 ref/missing']);
  });

  it('empty files, comment-only files and empty front matter yield nothing', async () => {
    const { workspace: ws } = await openMem({
      'opsbook.yaml': LAYOUTS,
      's/empty.yaml': '',
      's/comments.yaml': '# nothing here\n',
      'l/empty.yaml': '',
      'docs/empty.md': '',
      'docs/empty-fm.md': '---\n---\n# Title\n',
      'partners/empty.yaml': '',
    });
    assert.equal(ws.fileCount, 6, 'opsbook.yaml is configuration, not a document of the workspace');
    assert.equal(ws.entityCount, 0);
    assert.deepEqual(ws.diagnostics(), []);
  });

  it('empty files of the ops pack are not findings either', async () => {
    const files = baseWorkspace();
    files['partners/empty.yaml'] = '';
    files['projects/empty.md'] = '';
    files['standards/blank.md'] = '\n\n';
    const { workspace: ws } = await openMem(files);
    assert.deepEqual(ws.diagnostics(), []);
  });

  it('a kind: field wins over the folder', async () => {
    const files = baseWorkspace();
    files['notes/acme2.yaml'] = 'kind: partner\npartners:\n  - id: PTN-TWO\n    name: Two\n    type: media\n    status: prospect\n';
    const { workspace: ws } = await openMem(files);
    assert.equal(ws.fileKind('notes/acme2.yaml'), 'partner');
    assert.equal(ws.get('partner', 'PTN-TWO')?.file, 'notes/acme2.yaml');
    assert.deepEqual(ws.diagnostics(), []);
  });
});

describe('model: search documents', () => {
  it('keeps every document of a multi-document YAML file apart, each at its own line', async () => {
    const two =
      'id: PLN-ONE\ntitle: First plan of the file\nperiod: 2027\nstatus: draft\n---\nid: PLN-TWO\ntitle: Second plan of the file\nperiod: 2027\nstatus: draft\n';
    const { workspace: ws } = await openMem({ ...baseWorkspace(), 'plans/2027/two.yaml': two });
    assert.deepEqual(
      ws.entitiesIn('plans/2027/two.yaml').map((e) => `${e.id}#${e.doc}`),
      ['PLN-ONE#0', 'PLN-TWO#1'],
    );
    const search = new WorkspaceSearch(ws);
    const hits = search.search('"plan of the file"', { limit: 10 }).results;
    assert.deepEqual(hits.map((h) => `${h.id}:${h.line}`).sort(), ['PLN-ONE:1', 'PLN-TWO:6']);
  });
});
