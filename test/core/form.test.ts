import { strict as assert } from 'node:assert';
import { buildRecordForm } from '../../src/core/form/build';
import { candidateSearch } from '../../src/core/form/fuzzy';
import { unitAt, unitIn } from '../../src/core/form/unit';
import { formChangeOp, isFromForm } from '../../src/core/form/protocol';
import type { FormField, RecordForm } from '../../src/core/form/types';
import { editFileText } from '../../src/core/edit/edit';
import { openMem } from './memfs';

/** A tea chain in Hangzhou: its own ids, tier words, a fiscal year from April, a misspelt owner. */
const CONFIG = `fiscalYearStart: 4
vocabularies:
  partner.tier: [战略, 核心, 普通]
kinds:
  partner:
    fields:
      delivery_slot: { type: string, title: 送货时段 }
      settlement_days: { type: integer, minimum: 0 }
`;

const PARTNERS = `partners:
  - id: GYS-001 # 供应商
    name: 杭州茶叶有限公司
    type: supplier
    tier: 核心
    status: active
    owner: YG-02
    regions: [QY-HD]
    contract: { start: 2025-04-01, end: 2026-03-31, value: 80000, currency: CNY }
    delivery_slot: 早班
  - id: GYS-002
    name: 宁波包装厂
    type: supplier
    tier: 顶级
    status: active
    owner: YG-99
    delivery_slot: 晚班
`;

const PEOPLE = `people:
  - id: YG-01
    name: 王芳
    role: 店长
  - id: YG-02
    name: 李雷
    role: 采购
`;

const REGIONS = `regions:
  - id: QY-HD
    name: 华东区
`;

const PLAN = `id: JH-FY26
title: 华东 FY26 计划
level: region
region: QY-HD
period: FY2026
owner: YG-01
status: active
budget: { amount: 500000, currency: CNY }
objectives:
  - id: MB-1
    title: 新开门店
    kpis:
      - { id: ZB-1, metric: 杯数, unit: 杯, target: 120000, actuals: { 2026-04: 9000 } }
      - { id: ZB-2, metric: 营收, unit: CNY, target: abc }
`;

async function open() {
  return openMem({
    'opsbook.yaml': CONFIG,
    'partners/suppliers.yaml': PARTNERS,
    'org/people.yaml': PEOPLE,
    'org/regions.yaml': REGIONS,
    'plans/fy26.yaml': PLAN,
  });
}

function fieldAt(fields: FormField[], ...keys: string[]): FormField {
  let list = fields;
  let f: FormField | undefined;
  for (const k of keys) {
    f = list.find((x) => x.key === k);
    assert.ok(f, `field ${keys.join('.')} exists`);
    list = f.fields ?? [];
  }
  return f as FormField;
}

describe('record form model (core/form)', () => {
  let form: RecordForm;
  let second: RecordForm;
  let plan: RecordForm;
  before(async () => {
    const { workspace } = await open();
    form = buildRecordForm(workspace, workspace.get('partner', 'GYS-001')!);
    second = buildRecordForm(workspace, workspace.get('partner', 'GYS-002')!);
    plan = buildRecordForm(workspace, workspace.get('plan', 'JH-FY26')!);
  });

  it('names the record, its file, document and path for the write layer', () => {
    assert.deepEqual(
      [form.kind, form.id, form.title, form.file, form.doc, form.entityPath, form.format],
      ['partner', 'GYS-001', '杭州茶叶有限公司', 'partners/suppliers.yaml', 0, ['partners', 0], 'yaml'],
    );
  });

  it('lists schema fields in schema order, with titles and required marks', () => {
    assert.deepEqual(
      form.fields.slice(0, 5).map((f) => [f.key, f.label, f.required]),
      [
        ['id', 'Id', true],
        ['name', 'Name', true],
        ['type', 'Type', true],
        ['regions', 'Regions', false],
        ['tier', 'Tier', false],
      ],
    );
  });

  it('a declared company vocabulary is a dropdown of its values', () => {
    const tier = fieldAt(form.fields, 'tier');
    assert.equal(tier.widget, 'select');
    assert.deepEqual(
      tier.options?.map((o) => o.value),
      ['战略', '核心', '普通'],
    );
    assert.equal(tier.value, '核心');
  });

  it('an open company vocabulary is a combobox offering the values in use, most used first', async () => {
    const { workspace } = await open();
    const person = buildRecordForm(workspace, workspace.get('person', 'YG-02')!);
    const role = fieldAt(person.fields, 'role');
    assert.equal(role.widget, 'combo');
    assert.deepEqual(
      role.options?.map((o) => [o.value, o.count]),
      [
        ['店长', 1],
        ['采购', 1],
      ],
    );
    assert.deepEqual([fieldAt(form.fields, 'delivery_slot').widget, fieldAt(form.fields, 'delivery_slot').label], ['text', '送货时段']);
  });

  it('a reference is a picker of the right kind, with titles', () => {
    const owner = fieldAt(form.fields, 'owner');
    assert.deepEqual([owner.widget, owner.ref, owner.value], ['ref', 'person', 'YG-02']);
    assert.deepEqual(form.candidates['person'], [
      { id: 'YG-01', title: '王芳' },
      { id: 'YG-02', title: '李雷' },
    ]);
    const regions = fieldAt(form.fields, 'regions');
    assert.deepEqual([regions.widget, regions.item?.widget, regions.item?.ref], ['list', 'ref', 'region']);
    assert.deepEqual(form.candidates['region'], [{ id: 'QY-HD', title: '华东区' }]);
  });

  it('a nested object is a group: dates, a number in its currency, a pattern-checked text', () => {
    const contract = fieldAt(form.fields, 'contract');
    assert.equal(contract.widget, 'group');
    assert.deepEqual(
      contract.fields?.map((f) => [f.key, f.widget, f.unit ?? '']),
      [
        ['start', 'date', ''],
        ['end', 'date', ''],
        ['value', 'number', 'CNY'],
        ['currency', 'text', ''],
      ],
    );
    assert.deepEqual(fieldAt(form.fields, 'contract', 'value').path, ['contract', 'value']);
    assert.equal(fieldAt(form.fields, 'contract', 'value').minimum, 0);
  });

  it('a custom integer field is a number with its minimum', () => {
    const days = fieldAt(form.fields, 'settlement_days');
    assert.deepEqual([days.widget, days.integer, days.minimum, days.value], ['number', true, 0, undefined]);
  });

  it('diagnostics sit under their fields: a missing owner id and a tier outside the list', () => {
    const owner = fieldAt(second.fields, 'owner');
    assert.deepEqual(
      owner.problems.map((p) => [p.ruleId, p.line]),
      [['ref/missing', 16]],
    );
    const tier = fieldAt(second.fields, 'tier');
    assert.deepEqual(
      tier.problems.map((p) => [p.ruleId, p.line]),
      [['vocab/unknown', 14]],
    );
    assert.deepEqual(fieldAt(form.fields, 'owner').problems, []);
  });

  it('lists of records are sub-tables whose rows open as records; a bad cell carries its problem', () => {
    const objectives = fieldAt(plan.fields, 'objectives');
    assert.equal(objectives.widget, 'table');
    assert.deepEqual(objectives.rows?.[0]?.entity, { kind: 'objective', id: 'MB-1' });
    assert.ok(objectives.rows?.[0]?.more?.includes('kpis'));
    const budget = fieldAt(plan.fields, 'budget');
    assert.deepEqual(
      budget.fields?.map((f) => [f.key, f.widget, f.unit ?? '']),
      [
        ['amount', 'number', 'CNY'],
        ['currency', 'text', ''],
        // Budget phasing (shares by period) is a map: a group the form shows by period.
        ['phasing', 'group', ''],
      ],
    );
  });

  it('a KPI form shows its number in its own unit and the bad target under the target', async () => {
    const { workspace } = await open();
    const kpi = buildRecordForm(workspace, workspace.get('kpi', 'ZB-2')!);
    assert.deepEqual(kpi.entityPath, ['objectives', 0, 'kpis', 1]);
    assert.deepEqual(kpi.parent, { kind: 'objective', id: 'MB-1', title: '新开门店' });
    const target = fieldAt(kpi.fields, 'target');
    assert.deepEqual([target.widget, target.unit], ['number', 'CNY']);
    assert.deepEqual(
      target.problems.map((p) => [p.ruleId, p.line]),
      [['schema/type', 14]],
    );
    const cups = buildRecordForm(workspace, workspace.get('kpi', 'ZB-1')!);
    assert.equal(fieldAt(cups.fields, 'target').unit, '杯');
    // A month's actual is in the KPI's unit too (the same rule as the register table's totals).
    assert.equal(fieldAt(cups.fields, 'actuals', '2026-04').unit, '杯');
  });

  it('a form change becomes a write-layer edit of exactly that line', async () => {
    const change = { type: 'change', version: 3, change: { op: 'set', path: ['tier'], value: '战略' } };
    assert.ok(isFromForm(change));
    const op = formChangeOp(form.entityPath, change.change as never);
    const r = editFileText('yaml', PARTNERS, form.doc, op);
    assert.ok(r.ok);
    assert.equal(r.text, PARTNERS.replace('tier: 核心', 'tier: 战略'));
    assert.equal(isFromForm({ type: 'change', version: 1, change: { op: 'set', path: ['a', -1], value: 1 } }), false);
    assert.equal(isFromForm({ type: 'change', version: 1, change: { op: 'set', path: ['a'] } }), false);
  });
});

describe('reference picker search (fuse.js)', () => {
  const people = [
    { id: 'YG-01', title: '王芳' },
    { id: 'YG-02', title: '李雷' },
    { id: 'YG-10', title: 'Wang Lei' },
    { id: 'EXT-7', title: 'Yolanda Green' },
  ];
  const search = candidateSearch(people);
  it('an exact id comes first, then ids it starts, then fuzzy title matches', () => {
    assert.deepEqual(
      search('yg-0').map((c) => c.id),
      ['YG-01', 'YG-02', 'YG-10'],
    );
    assert.equal(search('YG-10')[0]?.id, 'YG-10');
  });
  it('finds by title, in Chinese and with a typo', () => {
    assert.deepEqual(
      search('李雷').map((c) => c.id),
      ['YG-02'],
    );
    assert.equal(search('wnag lei')[0]?.id, 'YG-10');
  });
  it('an empty query lists the first candidates', () => {
    assert.deepEqual(
      search('', 2).map((c) => c.id),
      ['YG-01', 'YG-02'],
    );
  });
});

describe('one unit rule for the form and the table (core/form/unit)', () => {
  it("a number is in the currency of its own mapping before the record's, and a currency wins over a unit beside it", () => {
    // A Hong Kong supplier priced in HKD under a record kept in CNY; a price list line sold by the box.
    const record = { id: 'HK-01', currency: 'CNY', contract: { value: 8800, currency: 'HKD' }, deposit: 500, pack: { price: 42, currency: 'HKD', unit: '盒' } };
    assert.equal(unitAt(record, ['contract', 'value']), 'HKD');
    assert.equal(unitAt(record, ['deposit']), 'CNY');
    assert.equal(unitAt(record, ['pack', 'price']), 'HKD');
    assert.equal(unitIn('price', [record, record.pack]), 'HKD');
  });

  it("a KPI's monthly actuals and a list item's numbers take the nearest unit around them; the unit fields themselves have none", () => {
    const kpi = { id: 'ZB-1', unit: '杯', actuals: { '2026-04': 9000 }, stores: [{ store: 'MD-1', cups: 300 }] };
    assert.equal(unitAt(kpi, ['actuals', '2026-04']), '杯');
    assert.equal(unitAt(kpi, ['stores', 0, 'cups']), '杯');
    assert.equal(unitAt(kpi, ['unit']), undefined);
    assert.equal(unitAt({ amount: 3, currency: '' }, ['amount']), undefined, 'an empty currency is no currency');
  });
});
