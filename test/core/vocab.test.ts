import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/core/types';
import { contractBucket } from '../../src/core/dashboard/partners';
import { buildPlanTree } from '../../src/core/plan/tree';
import { WorkspaceSearch } from '../../src/core/model/search';
import { valuesInUse } from '../../src/core/vocab/inUse';
import { openMem } from './memfs';

const where = (d: Diagnostic) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId}`;

/** A tea chain writing in Chinese: its own ids, tiers and status words. */
const TEA_CONFIG = `vocabularies:
  partner.tier: [战略, 核心, 普通]
  partner.status: { aliases: { 合作中: active, 已终止: ended } }
`;

function teaPartners(extra = ''): string {
  return `partners:
  - id: HZ-001
    name: 杭州茶叶供应商
    type: supplier
    tier: 核心
    status: 合作中
    contract: { start: 2025-01-01, end: 2026-03-31 }
${extra}`;
}

describe('vocabularies (SPEC 3.3)', () => {
  it('a first file without opsbook.yaml, with its own ids and tiers, has no errors', async () => {
    const { workspace, configProblems } = await openMem({
      'partners/list.yaml': 'partners: [{id: P-001, name: X, type: channel, status: active, tier: gold}]\n',
    });
    assert.deepEqual(configProblems, []);
    assert.deepEqual(workspace.diagnostics().map(where), []);
  });

  it('an aliased rule-bearing word is read as its meaning: an expired contract of a 合作中 partner is flagged', async () => {
    const { workspace, configProblems } = await openMem({ 'opsbook.yaml': TEA_CONFIG, 'partners/list.yaml': teaPartners() });
    assert.deepEqual(configProblems, []);
    assert.deepEqual(workspace.diagnostics().map(where), ['partners/list.yaml:7:41 warning partner/contract-expired']);
    const partner = workspace.get('partner', 'HZ-001');
    assert.equal(partner?.data['status'], 'active');
    assert.equal(contractBucket(partner?.data['status'], '2026-03-31', '2026-06-15', 60), 'expired');
    // The file keeps the company's word.
    assert.match(workspace.parsedFile('partners/list.yaml')?.text ?? '', /status: 合作中/);
  });

  it('a value outside a declared company vocabulary is vocab/unknown at the value, naming entity and vocabulary, with did-you-mean', async () => {
    const files = { 'opsbook.yaml': TEA_CONFIG, 'partners/list.yaml': teaPartners().replace('tier: 核心', 'tier: 金牌') };
    const { workspace } = await openMem(files);
    const ds = workspace.diagnostics().filter((d) => d.ruleId === 'vocab/unknown');
    assert.deepEqual(ds.map(where), ['partners/list.yaml:5:11 error vocab/unknown']);
    const d = ds[0] as Diagnostic;
    assert.equal(d.range.end.column, 13);
    assert.match(d.message, /partner HZ-001: tier "金牌" is not in vocabulary partner\.tier \(战略, 核心, 普通/);
    // No character in common: no did-you-mean in the message, every value in the quick fix.
    assert.doesNotMatch(d.message, /Did you mean/);
    assert.equal(d.entity, 'HZ-001');
    assert.deepEqual([...(d.suggestions ?? [])].sort(), ['战略', '核心', '普通'].sort());
  });

  it('did-you-mean puts the closest value first', async () => {
    const { workspace } = await openMem({
      'opsbook.yaml': 'vocabularies:\n  partner.tier: [strategic, core, standard]\n',
      'partners/list.yaml': 'partners:\n  - { id: P1, name: A, type: media, status: active, tier: stratgic }\n',
    });
    const d = workspace.diagnostics().find((x) => x.ruleId === 'vocab/unknown');
    assert.equal(d?.suggestions?.[0], 'strategic');
    assert.match(d?.message ?? '', /Did you mean "strategic"\?/);
  });

  it('a rule-bearing word that is not aliased is vocab/unknown', async () => {
    const { workspace } = await openMem({ 'opsbook.yaml': TEA_CONFIG, 'partners/list.yaml': teaPartners().replace('status: 合作中', 'status: 暂停中') });
    const ds = workspace.diagnostics();
    assert.deepEqual(ds.map(where), ['partners/list.yaml:6:13 error vocab/unknown']);
    assert.match(ds[0]?.message ?? '', /partner\.status/);
    assert.match(ds[0]?.message ?? '', /aliases/);
    assert.ok(ds[0]?.suggestions?.includes('active'));
  });

  it('strict: false turns vocab/unknown into a warning', async () => {
    const config = 'vocabularies:\n  product.category: { values: [护肤, 彩妆, 香氛], strict: false }\n';
    const { workspace } = await openMem({
      'opsbook.yaml': config,
      'catalog/list.yaml': 'products:\n  - { id: SKU-A1, name: 面霜, category: 护理, currency: CNY, list_price: 199 }\n',
    });
    assert.deepEqual(workspace.diagnostics().map(where), ['catalog/list.yaml:2:39 warning vocab/unknown']);
  });

  it('an open company vocabulary is never checked; a default one is, and `add:` extends it', async () => {
    const project = (type: string) => `---\nid: 项目-01\ntitle: 新店开业\ntype: ${type}\nregion: R1\nowner: E001\nstatus: approved\n---\n`;
    const base = {
      'org/regions.yaml': 'regions:\n  - { id: R1, name: 华东, type: 大区 }\n',
      'org/people.yaml': 'people:\n  - { id: E001, name: 王芳, role: 店长, region: R1 }\n',
    };
    const plain = await openMem({ ...base, 'projects/a.md': project('franchise-opening') });
    assert.deepEqual(plain.workspace.diagnostics().map(where), ['projects/a.md:4:7 error vocab/unknown']);
    const extended = await openMem({
      ...base,
      'projects/a.md': project('franchise-opening'),
      'opsbook.yaml': 'vocabularies:\n  project.type: { add: [franchise-opening] }\n',
    });
    assert.deepEqual(extended.configProblems, []);
    assert.deepEqual(extended.workspace.diagnostics().map(where), []);
  });

  it('course.required_for takes the person.role vocabulary once it is declared', async () => {
    const files = {
      'opsbook.yaml': 'vocabularies:\n  person.role: [店长, 店员]\n',
      'org/courses.yaml': 'courses:\n  - { id: C-1, title: 食品安全, required_for: [店长, 督导] }\n',
    };
    const { workspace } = await openMem(files);
    assert.deepEqual(workspace.diagnostics().map(where), ['org/courses.yaml:2:48 error vocab/unknown']);
    assert.match(workspace.diagnostics()[0]?.message ?? '', /course C-1: required_for\[1\] "督导" is not in vocabulary person\.role/);
  });

  it('initiative and project statuses, and KPI direction, are read through aliases in plans and rules', async () => {
    const files = {
      'opsbook.yaml':
        'vocabularies:\n  initiative.status: { aliases: { 已完成: done } }\n  project.status: { aliases: { 进行中: in-progress, 已完成: done } }\n  kpi.direction: { aliases: { 越低越好: down } }\n',
      'plans/p.yaml': `id: 计划-2026\ntitle: 年度计划\nregion: R1\nperiod: "2026"\nowner: E1\nstatus: approved\nobjectives:\n  - id: O1\n    title: 增长\n    kpis:\n      - { id: K1, metric: 投诉, unit: count, target: 10, actual: 5, direction: 越低越好 }\n    initiatives:\n      - { id: I1, title: 培训, due: 2026-01-31, status: 已完成 }\n`,
      'projects/x.md': '---\nid: X1\ntitle: 装修\ntype: decoration\nregion: R1\nowner: E1\nstatus: 已完成\ndue: 2026-01-31\n---\n',
      'org/regions.yaml': 'regions:\n  - { id: R1, name: 华东 }\n',
      'org/people.yaml': 'people:\n  - { id: E1, name: 王芳, role: 店长, region: R1 }\n',
    };
    const { workspace } = await openMem(files);
    assert.deepEqual(workspace.diagnostics().map(where), []);
    const objective = buildPlanTree(workspace).roots[0]!.objectives[0]!;
    assert.equal(objective.initiatives[0]?.status, 'done');
    assert.equal(objective.initiatives[0]?.overdue, false);
    assert.equal(objective.kpis[0]?.direction, 'down');
    // With the word not aliased, the project would be overdue and the initiative unknown.
    const raw = await openMem({ ...files, 'opsbook.yaml': '' });
    assert.deepEqual(
      raw.workspace
        .diagnostics()
        .map((d) => d.ruleId)
        .sort(),
      ['project/overdue', 'vocab/unknown', 'vocab/unknown', 'vocab/unknown'],
    );
    // A message names the word the file shows, with its meaning beside it.
    const running = await openMem({ ...files, 'projects/x.md': files['projects/x.md'].replace('status: 已完成', 'status: 进行中') });
    assert.deepEqual(
      running.workspace.diagnostics().map((d) => d.message),
      ['project X1 was due 2026-01-31 and is still 进行中 (in-progress); update its status or due date'],
    );
  });

  it('standard/approval-missing sees an aliased approved status', async () => {
    const files = {
      'opsbook.yaml': 'vocabularies:\n  standard.status: { aliases: { 已批准: approved } }\n',
      'standards/s.md': '---\nid: 标准-1\ntitle: 服务规范\nowner: E1\nstatus: 已批准\nversion: 1.0.0\n---\n# 服务\n',
      'org/people.yaml': 'people:\n  - { id: E1, name: 王芳, role: 店长, region: R1 }\n',
      'org/regions.yaml': 'regions:\n  - { id: R1, name: 华东 }\n',
    };
    const { workspace } = await openMem(files);
    assert.deepEqual(workspace.diagnostics().map(where), ['standards/s.md:5:9 error standard/approval-missing']);
  });

  it('search filters see the meaning of an aliased word; free text still finds the word', async () => {
    const { workspace } = await openMem({ 'opsbook.yaml': TEA_CONFIG, 'partners/list.yaml': teaPartners() });
    const search = new WorkspaceSearch(workspace);
    assert.deepEqual(
      search.search('status:active', { limit: 10 }).results.map((h) => h.id),
      ['HZ-001'],
    );
    assert.deepEqual(
      search.search('合作中', { limit: 10 }).results.map((h) => h.id),
      ['HZ-001'],
    );
  });

  it('values in use: per vocabulary, most used first, open vocabularies included', async () => {
    const files = {
      'partners/list.yaml':
        'partners:\n  - { id: P1, name: A, type: media, status: active, tier: 金牌 }\n  - { id: P2, name: B, type: media, status: prospect, tier: 金牌 }\n  - { id: P3, name: C, type: channel, status: active, tier: 银牌 }\n',
    };
    const { workspace } = await openMem(files);
    const used = valuesInUse(workspace.config, workspace.entities());
    assert.deepEqual(
      [...(used.get('partner.tier') ?? [])],
      [
        ['金牌', 2],
        ['银牌', 1],
      ],
    );
    assert.deepEqual(
      [...(used.get('partner.type') ?? [])],
      [
        ['media', 2],
        ['channel', 1],
      ],
    );
  });
});

describe('vocabulary declarations in opsbook.yaml', () => {
  it('values: on a rule-bearing vocabulary is a configuration problem at its line, and is ignored', async () => {
    const config = 'opsbook: 1\nvocabularies:\n  partner.status:\n    values: [合作中, 已终止]\n';
    const { configProblems, workspace } = await openMem({ 'opsbook.yaml': config, 'partners/list.yaml': teaPartners() });
    assert.deepEqual(
      configProblems.map((p) => `${p.file}:${p.line}`),
      ['opsbook.yaml:4'],
    );
    assert.match(configProblems[0]?.message ?? '', /partner\.status is rule-bearing.*aliases/);
    assert.deepEqual(workspace.config.vocabularies.get('partner.status')?.values, ['prospect', 'active', 'suspended', 'ended']);
  });

  it('a local pack may not redefine a rule-bearing vocabulary either, but may declare company words', async () => {
    const pack = 'name: tea\nvocabularies:\n  product.category: [绿茶, 红茶, 乌龙]\n  plan.status:\n    add: [已归档]\n';
    const { configProblems, workspace } = await openMem({ 'opsbook.yaml': 'packs: [ops, ./packs/tea]\n', 'packs/tea/pack.yaml': pack });
    assert.deepEqual(
      configProblems.map((p) => `${p.file}:${p.line}`),
      ['packs/tea/pack.yaml:5'],
    );
    assert.deepEqual(workspace.config.vocabularies.get('product.category')?.values, ['绿茶', '红茶', '乌龙']);
    assert.deepEqual(workspace.config.vocabularies.get('plan.status')?.values, ['draft', 'in-review', 'approved', 'closed']);
  });

  it('a list replacing a rule-bearing vocabulary is a configuration problem', async () => {
    const { configProblems } = await openMem({ 'opsbook.yaml': 'vocabularies:\n  kpi.direction: [高, 低]\n' });
    assert.deepEqual(
      configProblems.map((p) => `${p.file}:${p.line}`),
      ['opsbook.yaml:2'],
    );
  });

  it('an alias to a value outside the list is a configuration problem at the alias', async () => {
    const { configProblems, workspace } = await openMem({
      'opsbook.yaml': 'vocabularies:\n  partner.status:\n    aliases:\n      合作中: active\n      暂停: paused\n',
    });
    assert.deepEqual(
      configProblems.map((p) => `${p.file}:${p.line}`),
      ['opsbook.yaml:5'],
    );
    assert.match(configProblems[0]?.message ?? '', /"暂停" maps to "paused", which is not a value of partner\.status/);
    assert.deepEqual(workspace.config.vocabularies.get('partner.status')?.aliases, { 合作中: 'active' });
  });

  it('a default vocabulary may be replaced with values:', async () => {
    const { configProblems, workspace } = await openMem({ 'opsbook.yaml': 'vocabularies:\n  channel: { values: [直营店, 加盟店, 天猫] }\n' });
    assert.deepEqual(configProblems, []);
    assert.deepEqual(workspace.config.vocabularies.get('channel')?.values, ['直营店', '加盟店', '天猫']);
  });
});

describe('id/pattern', () => {
  it("an id outside its kind's idPattern is reported at the id's line, naming id and pattern", async () => {
    const files = {
      'opsbook.yaml': 'kinds:\n  person: { idPattern: "^E[0-9]{3,}$" }\n',
      'org/people.yaml': 'people:\n  - id: E001\n    name: 王芳\n    role: 店长\n    region: R1\n  - id: X12\n    name: 李雷\n    role: 店员\n    region: R1\n',
      'org/regions.yaml': 'regions:\n  - { id: R1, name: 华东 }\n',
    };
    const { workspace, configProblems } = await openMem(files);
    assert.deepEqual(configProblems, []);
    const ds = workspace.diagnostics();
    assert.deepEqual(ds.map(where), ['org/people.yaml:6:9 error id/pattern']);
    assert.match(ds[0]?.message ?? '', /person id "X12" does not follow .*\^E\[0-9\]\{3,\}\$/);
    assert.equal(ds[0]?.entity, 'X12');
  });

  it('an idPattern that cannot be compiled safely is a configuration problem', async () => {
    const { configProblems } = await openMem({ 'opsbook.yaml': 'kinds:\n  person:\n    idPattern: "^(a+)+$"\n' });
    assert.deepEqual(
      configProblems.map((p) => `${p.file}:${p.line}`),
      ['opsbook.yaml:3'],
    );
    assert.match(configProblems[0]?.message ?? '', /kinds\.person\.idPattern/);
  });

  it('a map layout reports the id at its key', async () => {
    const files = {
      'opsbook.yaml': 'kinds:\n  outlet:\n    files: outlets.yaml\n    layout: map\n    idPattern: "^S[0-9]+$"\n',
      'outlets.yaml': 'S01: { name: 西湖店 }\nHZ2: { name: 滨江店 }\n',
    };
    const { workspace } = await openMem(files);
    assert.deepEqual(workspace.diagnostics().map(where), ['outlets.yaml:2:1 error id/pattern']);
  });
});
