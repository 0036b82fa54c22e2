import { strict as assert } from 'node:assert';
import { entityChain, referenceTargetAt, schemaForPath, topEntityBase, type KindShape } from '../../src/vscode/language/entityPath';

const PLAN_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    owner: { type: 'string', 'x-opsbook-ref': 'person' },
    objectives: { type: 'array', items: { $ref: '#/$defs/objective' } },
  },
  $defs: {
    objective: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        kpis: { type: 'array', items: { type: 'object', properties: { contributes_to: { type: 'string', 'x-opsbook-ref': 'kpi' } } } },
        initiatives: {
          type: 'array',
          items: { type: 'object', properties: { partners: { type: 'array', items: { type: 'string', 'x-opsbook-ref': 'partner' } } } },
        },
      },
    },
  },
};

const plan: KindShape = {
  name: 'plan',
  layout: 'single',
  idField: 'id',
  schema: PLAN_SCHEMA,
  nested: [
    { kind: 'objective', path: 'objectives[]' },
    { kind: 'kpi', path: 'objectives[].kpis[]' },
    { kind: 'initiative', path: 'objectives[].initiatives[]' },
  ],
};

const team: KindShape = { name: 'team', layout: 'map', idField: 'id', nested: [] };
const partner: KindShape = { name: 'partner', layout: 'list', listKey: 'partners', idField: 'id', nested: [] };

describe('entityPath: from a YAML path to entities, schemas and references', () => {
  it('should find the top entity of each layout', () => {
    assert.deepEqual(topEntityBase(['objectives', 0, 'id'], plan), []);
    assert.deepEqual(topEntityBase(['partners', 3, 'owner'], partner), ['partners', 3]);
    assert.deepEqual(topEntityBase([2, 'owner'], { layout: 'list' }), [2]);
    assert.deepEqual(topEntityBase(['sales', 'lead'], team), ['sales']);
    assert.equal(topEntityBase(['kind'], team), undefined);
    assert.equal(topEntityBase(['other', 0], partner), undefined);
  });

  it('should list the nested entities around a KPI field, outermost first', () => {
    assert.deepEqual(entityChain(['objectives', 1, 'kpis', 0, 'target'], plan), [
      { kind: 'plan', base: [] },
      { kind: 'objective', base: ['objectives', 1] },
      { kind: 'kpi', base: ['objectives', 1, 'kpis', 0] },
    ]);
  });

  it('should read reference targets from x-opsbook-ref through $ref and array items', () => {
    assert.deepEqual(referenceTargetAt(['owner'], false, plan, []), { target: 'person', allow: [] });
    assert.deepEqual(referenceTargetAt(['objectives', 0, 'kpis', 2, 'contributes_to'], false, plan, []), { target: 'kpi', allow: [] });
    assert.deepEqual(referenceTargetAt(['objectives', 0, 'initiatives', 1, 'partners', 4], false, plan, []), { target: 'partner', allow: [] });
    assert.equal(referenceTargetAt(['id'], false, plan, []), undefined);
  });

  it('should read reference targets from configured references, relative to the nested entity', () => {
    const refs = [{ kind: 'kpi', path: 'owner', target: 'person', allow: ['none'] }];
    assert.deepEqual(referenceTargetAt(['objectives', 0, 'kpis', 1, 'owner'], false, plan, refs), { target: 'person', allow: ['none'] });
    assert.equal(referenceTargetAt(['objectives', 0, 'owner'], false, plan, refs), undefined);
  });

  it('should treat map keys as references only for m{} patterns', () => {
    const refs = [{ kind: 'team', path: 'members{}', target: 'person', allow: [] }];
    assert.deepEqual(referenceTargetAt(['sales', 'members', 'PER-A'], true, team, refs), { target: 'person', allow: [] });
    assert.equal(referenceTargetAt(['sales', 'members', 'PER-A'], false, team, refs), undefined);
    assert.equal(referenceTargetAt(['sales', 'lead'], true, team, [{ kind: 'team', path: 'lead', target: 'person', allow: [] }]), undefined);
  });

  it('should give the schema node of a nested field', () => {
    assert.deepEqual(schemaForPath(['objectives', 0, 'kpis', 0, 'contributes_to'], plan), { type: 'string', 'x-opsbook-ref': 'kpi' });
  });
});
