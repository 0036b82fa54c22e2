import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { openWorkspace } from '../../src/core/engine';
import type { PackSource } from '../../src/core/host';
import { inferConfiguration, renderConfig, renderSummary, type Inference } from '../../src/core/index';
import { yamlScalar } from '../../src/core/infer/render';
import { editDistance, looksLikeTypo } from '../../src/core/infer/similar';
import { parse as parseYaml } from 'yaml';
import { MemFs, openMem, opsPacks, readTree, REPO, TODAY } from './memfs';

/**
 * A pack written the way the ops pack declares vocabularies: classes in `vocabularies:`, bindings
 * with `x-opsbook-vocab` in the schemas. Inference must work from those APIs alone.
 */
const TEST_PACK: Record<string, string> = {
  'pack.yaml': `name: ops
kinds:
  person: { files: org/people.yaml, layout: list, listKey: people, title: name, schema: person.schema.json }
  course: { files: org/courses.yaml, layout: list, listKey: courses, title: title, schema: course.schema.json }
  partner: { files: "partners/**/*.yaml", layout: list, listKey: partners, title: name, schema: partner.schema.json }
vocabularies:
  partner.tier: { class: company }
  person.role: { class: company }
  channel: { class: default, values: [flagship, mall-counter, online, distributor, wholesale] }
  partner.status: { class: rule, values: [prospect, active, suspended, ended] }
`,
  'person.schema.json': JSON.stringify({
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', 'x-opsbook-vocab': 'person.role' },
      email: { type: 'string' },
      kind: { type: 'string' },
    },
  }),
  'course.schema.json': JSON.stringify({
    type: 'object',
    additionalProperties: false,
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      required_for: { type: 'array', items: { type: 'string', 'x-opsbook-vocab': 'person.role' } },
    },
  }),
  'partner.schema.json': JSON.stringify({
    type: 'object',
    additionalProperties: false,
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      tier: { type: 'string', 'x-opsbook-vocab': 'partner.tier' },
      status: { type: 'string', 'x-opsbook-vocab': 'partner.status' },
      channels: { type: 'array', items: { type: 'string', 'x-opsbook-vocab': 'channel' } },
      owner: { type: 'string', 'x-opsbook-ref': 'person' },
    },
  }),
};

function testPacks(): ReadonlyMap<string, PackSource> {
  const real = opsPacks().get('ops') as PackSource;
  return new Map([
    [
      'ops',
      {
        name: 'ops',
        read: (p: string) =>
          p in TEST_PACK
            ? Promise.resolve(TEST_PACK[p])
            : p.endsWith('opsbook.schema.json') || p.endsWith('pack.schema.json')
              ? real.read(p)
              : Promise.resolve(undefined),
      },
    ],
  ]);
}

/** An English fashion label: its own employee numbers, tiers, roles and channels, and its mistakes. */
const FASHION: Record<string, string> = {
  'org/people.yaml': `people:
  - id: FL-0042
    name: Ada Moreau
    role: Head Designer
    instagram: "@ada.moreau"
  - id: FL-0043
    name: Tom Ricci
    role: Buyer
    instagram: "@tomricci"
    started: 2024-03-01
  - id: FL-0044
    name: Lea Park
    role: Head Designer
    instgram: "@leapark"
    started: 2025-01-15
`,
  'org/courses.yaml': `courses:
  - id: C-FIT
    title: Fitting basics
    required_for: [Head Designer, Pattern Cutter]
`,
  'partners/mills.yaml': `partners:
  - { id: P-001, name: Atelier Nord, tier: Platinum, status: active, channels: [wholesale], owner: FL-0043 }
  - { id: P-002, name: Tissus SA, tier: Gold, status: active, channels: [online, showroom] }
  - { id: P-003, name: Lux Print, tier: Gold, status: on-hold, channels: [showroom] }
  - { id: P-004, name: Mode Co, tier: Glod, status: active, channels: [onlien] }
  - { id: P-005, name: Style Co, tier: Platinum, status: activ, owner: FL-0099 }
`,
};

async function infer(files: Record<string, string>, packs = testPacks()): Promise<Inference> {
  return inferConfiguration({ fs: new MemFs(files), builtinPacks: packs, clock: () => TODAY });
}

describe('inference: opsbook init --infer on a folder never configured', () => {
  it('declares company vocabularies from the values in use, first use first', async () => {
    const inf = await infer(FASHION);
    assert.deepEqual(inf.problems, []);
    const tier = inf.vocabularies.find((v) => v.name === 'partner.tier');
    assert.deepEqual(tier, { name: 'partner.tier', class: 'company', values: ['Platinum', 'Gold'], uses: 4, files: ['partners/mills.yaml'] });
  });

  it('collects person.role from people and from course.required_for alike', async () => {
    const inf = await infer(FASHION);
    assert.deepEqual(inf.vocabularies.find((v) => v.name === 'person.role')?.values, ['Head Designer', 'Pattern Cutter', 'Buyer']);
  });

  it('leaves a value used once near a frequent one (Glod ~ Gold) undeclared and lists it at its line', async () => {
    const inf = await infer(FASHION);
    const s = inf.suspects.find((x) => x.message.includes('"Glod"'));
    assert.equal(s?.kind, 'typo');
    assert.equal(s?.anchor.file, 'partners/mills.yaml');
    assert.equal(s?.line, 5);
    assert.match(s?.message ?? '', /looks like a typo of "Gold"/);
  });

  it('declares two one-off values a letter apart (Platinum, Platnum) — spelling cannot tell which is right — and names the later one with the other', async () => {
    const partners = ['Platinum', 'Gold', 'Silver', 'Platnum']
      .map((tier, i) => `  - id: WH-${i + 1}\n    name: Store ${i + 1}\n    type: channel\n    status: active\n    tier: ${tier}`)
      .join('\n');
    const inf = await infer({ 'partners/wholesale.yaml': `partners:\n${partners}\n` });
    assert.deepEqual(inf.vocabularies.find((v) => v.name === 'partner.tier')?.values, ['Platinum', 'Gold', 'Silver', 'Platnum']);
    const checks = inf.suspects.filter((x) => x.kind === 'check');
    assert.equal(checks.length, 1);
    assert.equal(checks[0]?.line, 21);
    assert.match(checks[0]?.message ?? '', /tier "Platnum" of partner WH-4 and "Platinum" of partner WH-1 are each used once/);
  });

  it('extends a default vocabulary with add: for values outside the pack list, but not with a near-miss of a listed one', async () => {
    const inf = await infer(FASHION);
    assert.deepEqual(
      inf.vocabularies.find((v) => v.name === 'channel'),
      { name: 'channel', class: 'default', add: ['showroom'], uses: 2, files: ['partners/mills.yaml'] },
    );
    assert.ok(inf.suspects.some((x) => x.kind === 'typo' && x.message.includes('"onlien"') && x.message.includes('"online"')));
  });

  it('never widens a rule-bearing vocabulary: an unknown status stays a finding, with an alias suggested; a near-miss is called a typo', async () => {
    const inf = await infer(FASHION);
    assert.equal(
      inf.vocabularies.find((v) => v.name === 'partner.status'),
      undefined,
    );
    const onHold = inf.suspects.find((x) => x.message.includes('"on-hold"'));
    assert.equal(onHold?.kind, 'unknown-rule-value');
    assert.equal(onHold?.line, 4);
    assert.match(onHold?.message ?? '', /aliases: \{ on-hold: <prospect \| active \| suspended \| ended> \}/);
    const activ = inf.suspects.find((x) => x.message.includes('"activ"'));
    assert.equal(activ?.kind, 'typo');
    assert.match(activ?.message ?? '', /typo of "active"/);
  });

  it('declares custom fields with inferred types; a rare field one edit from another is a typo, not a field', async () => {
    const inf = await infer(FASHION);
    assert.deepEqual(
      inf.fields.map((f) => [f.kind, f.field, f.fragment, f.uses]),
      [
        ['person', 'instagram', { type: 'string' }, 2],
        ['person', 'started', { type: 'string', format: 'date' }, 2],
      ],
    );
    const s = inf.suspects.find((x) => x.message.includes('"instgram"'));
    assert.equal(s?.line, 14);
    assert.match(s?.message ?? '', /typo of "instagram"/);
  });

  it('writes a configuration the config schema accepts, with a comment on each inferred entry', async () => {
    const inf = await infer(FASHION);
    const text = renderConfig(inf);
    assert.ok(text.includes('  partner.tier: [Platinum, Gold]  # 2 values used 4 times in partners/mills.yaml\n'), text);
    assert.ok(text.includes("  channel: { add: [showroom] }  # used 2 times in partners/mills.yaml, beyond the ops pack's list\n"), text);
    assert.ok(text.includes('      started: { type: string, format: date }  # dates in 2 of 3 records of org/people.yaml\n'), text);
    assert.ok(text.includes('  person.role: [Head Designer, Pattern Cutter, Buyer]'), text);
    const { configProblems } = await openWorkspace({ fs: new MemFs({ ...FASHION, 'opsbook.yaml': text }), builtinPacks: testPacks(), clock: () => TODAY });
    assert.deepEqual(configProblems, []);
    const summary = renderSummary(inf, 'opsbook.yaml');
    assert.match(summary, /^Read 3 files \(9 records\)\.\nInferred:\n/);
    assert.match(summary, /\n {2}partners\/mills\.yaml:4 {2}status "on-hold" of partner P-003 is not one of the partner\.status values/);
  });
});

/** A tea chain writing in Chinese, with the real ops pack: a store register and fields of its own. */
const TEA: Record<string, string> = {
  'org/regions.yaml': `regions:
  - id: R-HD
    name: 华东区
`,
  'org/people.yaml': `people:
  - id: E001
    name: 王芳
    role: 店长
    region: R-HD
    wechat: wangfang88
    store: MD-SH-01
  - id: E002
    name: 李强
    role: 店员
    region: R-HD
    wechat: liqiang_tea
    store: MD-SH-02
`,
  'org/stores.yaml': `stores:
  - id: MD-SH-01
    名称: 静安寺店
    region: R-HD
    manager: E001
    opened: 2023-05-01
  - id: MD-SH-02
    名称: 徐家汇店
    region: R-HD
    manager: E002
`,
  'data/warehouses.yaml': `WH-01:
  name: 嘉定仓
  region: R-HD
WH-02:
  name: 昆山仓
  region: R-HD
`,
  'recipes/milk-tea.md': `---
kind: recipe
id: RC-01
title: 招牌奶茶
---
# 配方
`,
  'notes/ideas.md': `---
kind: stndard
id: X-1
---
text
`,
};

describe('inference on a Chinese tea chain with the ops pack', () => {
  it('declares one-off two-character categories one character from a frequent one (奶荼 and 果茶 ~ 奶茶: spelling cannot tell), and names them in the summary', async () => {
    const products = ['奶茶', '奶茶', '奶茶', '果茶', '奶荼']
      .map((c, i) => `  - { id: T-10${i}, name: 饮品${i}, category: ${c}, currency: CNY, list_price: 18, floor_price: 12 }`)
      .join('\n');
    const inf = await infer({ 'catalog/drinks.yaml': `products:\n${products}\n` }, opsPacks());
    assert.deepEqual(inf.vocabularies.find((v) => v.name === 'product.category')?.values, ['奶茶', '果茶', '奶荼']);
    const checks = inf.suspects.filter((s) => s.kind === 'check');
    assert.deepEqual(
      checks.map((s) => `${s.anchor.file}:${s.line}`),
      ['catalog/drinks.yaml:5', 'catalog/drinks.yaml:6'],
    );
    assert.match(checks[1]?.message ?? '', /"奶荼" .*one character from "奶茶" \(used 3 times\)/);
    const summary = renderSummary(inf, 'opsbook.yaml');
    assert.match(summary, /Declared, but worth a look:\n {2}catalog\/drinks\.yaml:5 .*\n {2}catalog\/drinks\.yaml:6 /);
    assert.doesNotMatch(summary, /Left as findings/, 'a declared value is not a finding');
  });

  it('reads a stores: list in org/stores.yaml as the ops pack store kind, its own fields (名称) becoming custom fields', async () => {
    const inf = await infer(TEA, opsPacks());
    assert.deepEqual(inf.problems, []);
    assert.equal(
      inf.kinds.find((k) => k.name === 'store' && !k.extendsPack),
      undefined,
    );
    assert.deepEqual(
      inf.fields.filter((f) => f.kind === 'store').map((f) => [f.field, f.fragment]),
      [['名称', { type: 'string' }]],
    );
    assert.deepEqual(
      inf.references.filter((r) => r.kind === 'store'),
      [],
      'region and manager are references of the pack schema',
    );
  });

  it('makes a map-layout kind of a mapping of id → mapping, named after its file', async () => {
    const inf = await infer(TEA, opsPacks());
    const wh = inf.kinds.find((k) => k.name === 'warehouse');
    assert.equal(wh?.layout, 'map');
    assert.equal(wh?.title, 'name');
    assert.deepEqual(wh?.files, ['data/warehouses.yaml']);
  });

  it('turns a field whose values are all ids of one kind into a reference; plain text stays a string', async () => {
    const inf = await infer(TEA, opsPacks());
    const person = inf.fields.filter((f) => f.kind === 'person');
    assert.deepEqual(
      person.map((f) => [f.field, f.fragment]),
      [
        ['store', { ref: 'store' }],
        ['wechat', { type: 'string' }],
      ],
    );
  });

  it('declares a kind named by a kind: field, but not one that is a typo of a known kind', async () => {
    const inf = await infer(TEA, opsPacks());
    const recipe = inf.kinds.find((k) => k.name === 'recipe');
    assert.equal(recipe?.byKindField, true);
    assert.equal(recipe?.layout, 'markdown');
    assert.deepEqual(recipe?.files, []);
    assert.equal(
      inf.kinds.find((k) => k.name === 'stndard'),
      undefined,
    );
    assert.ok(inf.suspects.some((s) => s.anchor.file === 'notes/ideas.md' && s.line === 2 && /typo of "standard"/.test(s.message)));
  });

  it('loads back: the kinds hold their records with titles and custom fields, and their references are checked', async () => {
    const inf = await infer(TEA, opsPacks());
    const files: Record<string, string> = { ...TEA, 'opsbook.yaml': renderConfig(inf) };
    files['org/stores.yaml'] = files['org/stores.yaml']!.replace('manager: E002', 'manager: E009');
    const { workspace, configProblems } = await openMem(files);
    assert.deepEqual(configProblems, []);
    assert.equal(workspace.get('store', 'MD-SH-01')?.data['名称'], '静安寺店');
    assert.equal(workspace.get('warehouse', 'WH-02')?.title, '昆山仓');
    assert.equal(workspace.get('recipe', 'RC-01')?.title, '招牌奶茶');
    const refs = workspace.diagnostics('org/stores.yaml').filter((d) => d.ruleId.startsWith('ref/'));
    assert.deepEqual(
      refs.map((d) => `${d.ruleId}@${d.range.start.line}`),
      ['ref/missing@10'],
    );
  });
});

describe('inference: typo likeness', () => {
  it('counts a transposition as one edit', () => {
    assert.equal(editDistance('Glod', 'Gold'), 1);
    assert.equal(editDistance('静安寺店', '静安店'), 1);
  });

  it('judges words of 3–5 characters by one edit, longer ones by two, and never one- or two-character words', () => {
    assert.equal(looksLikeTypo('Glod', 'Gold'), true);
    assert.equal(looksLikeTypo('gold', 'Gold'), true);
    assert.equal(looksLikeTypo('Silver', 'Gold'), false);
    assert.equal(looksLikeTypo('instgram', 'instagram'), true);
    assert.equal(looksLikeTypo('面条', '面包'), false);
    assert.equal(looksLikeTypo('咖啡帅', '咖啡师'), true);
    assert.equal(looksLikeTypo('core', 'cost'), false);
  });
});

/**
 * The ops pack as the vocabulary work declares it (classes in pack.yaml, `x-opsbook-vocab` on
 * fields not named `<kind>.<field>`), over the real schemas: what init --infer will write for
 * the Chinese sample once those declarations ship.
 */
function opsWithVocabularies(): ReadonlyMap<string, PackSource> {
  const real = opsPacks().get('ops') as PackSource;
  const vocabularies = `
vocabularies:
  partner.tier: { class: company }
  product.category: { class: company }
  person.role: { class: company }
  expense.category: { class: company }
  channel: { class: default, values: [flagship, mall-counter, online, distributor, wholesale] }
  partner.status: { class: rule, values: [prospect, active, suspended, ended] }
`;
  type Json = Record<string, Record<string, Record<string, unknown>>>;
  // As the ops pack declares them: channels are the keys of channel_prices, not a closed list of properties.
  const annotate: Record<string, (s: Json) => void> = {
    'course.schema.json': (s) => void (s['properties']!['required_for']!['items'] = { type: 'string', 'x-opsbook-vocab': 'person.role' }),
    'product.schema.json': (s) =>
      void (s['properties']!['channel_prices'] = {
        type: 'object',
        additionalProperties: { type: 'number' },
        propertyNames: { type: 'string', 'x-opsbook-vocab': 'channel' },
      }),
  };
  return new Map([
    [
      'ops',
      {
        name: 'ops',
        read: async (p: string) => {
          const text = await real.read(p);
          if (text === undefined) return undefined;
          // Once the ops pack declares its vocabularies itself, it is used as it is.
          if (p === 'pack.yaml') return /^vocabularies:/m.test(text) ? text : text + vocabularies;
          const patch = annotate[p];
          if (!patch) return text;
          const json = JSON.parse(text) as Json;
          patch(json);
          return JSON.stringify(json);
        },
      },
    ],
  ]);
}

describe('inference on samples/maitian-bakery with vocabulary declarations in the pack', () => {
  it('declares its tiers, categories and roles, adds its delivery channel, and leaves its typo and unknown status as findings', async () => {
    const files = Object.fromEntries([...readTree(path.join(REPO, 'samples/maitian-bakery'))].filter(([p]) => p !== 'opsbook.yaml'));
    const inf = await infer(files, opsWithVocabularies());
    assert.deepEqual(inf.problems, []);
    assert.deepEqual(
      inf.vocabularies.map((v) => [v.name, v.values ?? { add: v.add }]),
      [
        ['channel', { add: ['delivery'] }],
        ['expense.category', ['原料采购', '房租', '营销推广', '装修工程']],
        ['partner.tier', ['战略伙伴', '核心伙伴', '普通伙伴']],
        ['person.role', ['店长', '烘焙师', '裱花师', '收银员', '总经理', '区域经理']],
        ['product.category', ['面包', '西点', '蛋糕', '饮品']],
      ],
    );
    assert.deepEqual(
      inf.suspects.map((s) => `${s.anchor.file}:${s.line} ${s.kind}`),
      ['org/people.yaml:45 typo', 'partners/partners.yaml:26 unknown-rule-value', 'partners/partners.yaml:66 typo'],
    );
    assert.match(inf.suspects[1]?.message ?? '', /status "合作中" of partner P-0003 is not one of the partner\.status values/);
    assert.match(inf.suspects[2]?.message ?? '', /tier "核心伙半" of partner P-0008 \(used once\) looks like a typo of "核心伙伴"/);
  });
});

describe('inference: where records are and what they look like', () => {
  it('extends a pack kind whose records sit outside its folders (a partners: list in data/)', async () => {
    const inf = await infer({ 'data/suppliers.yaml': 'partners:\n  - { id: S-1, name: 金麦面粉, type: supplier, status: active }\n' }, opsPacks());
    assert.deepEqual(
      inf.kinds.map((k) => [k.name, k.extendsPack, k.files]),
      [['partner', true, ['partners/**/*.yaml', 'partners/**/*.yml', 'data/suppliers.yaml']]],
    );
    assert.ok(
      renderConfig(inf).includes(
        `\n  partner:  # 1 record under partners: in data/suppliers.yaml, outside the pack's folders\n    files: ["partners/**/*.yaml", "partners/**/*.yml", data/suppliers.yaml]\n`,
      ),
    );
  });

  it('leaves tool settings alone: dot folders and mappings whose keys are not ids', async () => {
    const inf = await infer(
      {
        '.github/ISSUE_TEMPLATE/bug.yml': 'name: Bug\nbody:\n  - { type: textarea, id: what }\n  - { type: input, id: version }\n',
        'locales/en.yaml': 'home:\n  title: Home\nabout:\n  title: About\n',
      },
      opsPacks(),
    );
    assert.deepEqual(inf.kinds, []);
    assert.equal(renderConfig(inf).includes('kinds:'), false);
  });

  it('makes a Markdown kind of documents with ids in a folder of their own', async () => {
    const doc = (id: string) => `---\nid: ${id}\ntitle: 配方 ${id}\n---\n# 步骤\n`;
    const inf = await infer({ 'recipes/a.md': doc('RC-1'), 'recipes/b.md': doc('RC-2'), 'recipes/README.md': '# 配方库\n' }, opsPacks());
    assert.deepEqual(
      inf.kinds.map((k) => [k.name, k.layout, k.files, k.title]),
      [['recipe', 'markdown', ['recipes/a.md', 'recipes/b.md'], 'title']],
    );
  });

  it('names three files of one folder by a glob only when no other file of that folder would match', async () => {
    const list = (id: string) => `shops:\n  - { id: ${id}, name: 店 ${id} }\n`;
    const files = { 'shops/a.yaml': list('S1'), 'shops/b.yaml': list('S2'), 'shops/c.yaml': list('S3') };
    assert.deepEqual((await infer(files, opsPacks())).kinds[0]?.files, ['shops/*.yaml']);
    assert.deepEqual((await infer({ ...files, 'shops/notes.yaml': 'owner: 王芳\n' }, opsPacks())).kinds[0]?.files, [
      'shops/a.yaml',
      'shops/b.yaml',
      'shops/c.yaml',
    ]);
  });

  it('accepts empty values of a custom field and keeps a misspelt id a reference (it stays ref/missing)', async () => {
    const person = (id: string, store: string, wechat: string) =>
      `  - { id: ${id}, name: ${id}, role: 店员, region: R1, store: ${store}, wechat: ${wechat} }\n`;
    const inf = await infer(
      {
        'org/regions.yaml': 'regions:\n  - { id: R1, name: 一区 }\n',
        'org/stores.yaml': 'stores:\n  - { id: MD-01, name: 一店 }\n  - { id: MD-02, name: 二店 }\n  - { id: MD-03, name: 三店 }\n',
        'org/people.yaml':
          'people:\n' +
          person('E1', 'MD-01', 'a1') +
          person('E2', 'MD-02', 'null') +
          person('E3', 'MD-03', 'c3') +
          person('E4', 'MD-01', 'd4') +
          person('E5', 'MD-O2', 'e5'),
      },
      opsPacks(),
    );
    assert.deepEqual(
      inf.fields.map((f) => [f.field, f.fragment]),
      [
        ['store', { ref: 'store' }],
        ['wechat', { type: ['string', 'null'] }],
      ],
    );
  });
});

describe('inference: the written YAML', () => {
  it('writes plain scalars only where they read back as the same text', () => {
    assert.equal(yamlScalar('核心伙伴'), '核心伙伴');
    assert.equal(yamlScalar('Head Designer'), 'Head Designer');
    assert.equal(yamlScalar('草莓蛋糕（6寸）'), '草莓蛋糕（6寸）');
    for (const tricky of ['yes', 'null', '1.0', '2026-06', 'a: b', '#1', '- x', 'a, b', '[x]', 'x ', '']) {
      const written = yamlScalar(tricky);
      assert.equal(parseYaml(`[${written}]`)[0], tricky, `${tricky} → ${written}`);
    }
  });
});

describe('inference: fields of nested kinds and below the top level', () => {
  it('declares custom fields of nested kinds (initiatives of a plan) and lists unknown keys deeper in a record as findings', async () => {
    const inf = await infer(
      {
        'org/regions.yaml': 'regions:\n  - { id: R1, name: 一区 }\n',
        'org/people.yaml': 'people:\n  - { id: E1, name: 王芳, role: 店长, region: R1 }\n',
        'partners/p.yaml': 'partners:\n  - { id: P-1, name: 金麦, type: supplier, status: active, contact: { name: 李, wechat: li_01 } }\n',
        'plans/2026.yaml': `id: JH-1
title: 年度计划
region: R1
period: "2026"
owner: E1
status: approved
objectives:
  - id: MB-1
    title: 增长
    initiatives:
      - { id: XD-1, title: 开店, status: planned, 负责门店: 静安 }
      - { id: XD-2, title: 促销, status: planned, 负责门店: 徐汇 }
`,
      },
      opsPacks(),
    );
    assert.deepEqual(
      inf.fields.map((f) => [f.kind, f.field, f.fragment]),
      [['initiative', '负责门店', { type: 'string' }]],
    );
    const note = inf.suspects.find((s) => s.kind === 'note');
    assert.equal(note?.anchor.file, 'partners/p.yaml');
    assert.equal(note?.line, 2);
    assert.match(
      note?.message ?? '',
      /^field "contact\.wechat" of partner P-1 is not in the partner schema, and custom fields are declared at the top level of a record only/,
    );
  });
});

describe('inference: the summary', () => {
  it('declares a field used by one record of many, but asks to make sure it is meant', async () => {
    const inf = await infer(
      {
        'org/people.yaml': 'people:\n  - { id: A1, name: 甲 }\n  - { id: A2, name: 乙 }\n  - { id: A3, name: 丙, timezone: Asia/Shanghai }\n',
      },
      testPacks(),
    );
    assert.deepEqual(
      inf.fields.map((f) => [f.field, f.uses, f.of]),
      [['timezone', 1, 3]],
    );
    assert.match(
      renderSummary(inf, 'opsbook.yaml'),
      /\n {2}field person\.timezone \{ type: string \}: text in 1 of 3 records of org\/people\.yaml \(used once: make sure it is meant, not a stray key\)\n/,
    );
  });
});
