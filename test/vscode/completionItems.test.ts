import { strict as assert } from 'node:assert';
import { keyItems, valueItems, type RefCandidate } from '../../src/vscode/language/completionItems';
import { placeholderFor } from '../../src/vscode/language/schemaInfo';

const PARTNER = {
  type: 'object',
  required: ['id', 'name', 'status'],
  properties: {
    id: { type: 'string', title: 'Id', description: 'Unique id.' },
    name: { type: 'string', title: 'Name' },
    status: { type: 'string', enum: ['prospect', 'active', 'suspended', 'ended'], description: 'Contract status.' },
    owner: { type: 'string', 'x-opsbook-ref': 'person', title: 'Owner' },
    regions: { type: 'array', items: { type: 'string', 'x-opsbook-ref': 'region' } },
    preferred: { type: 'boolean' },
  },
};

const people: RefCandidate[] = [
  { id: 'PER-LI-NA', title: 'Li Na', kind: 'person', file: 'org/people.yaml' },
  { id: 'PER-TANG-WEI', title: 'Tang Wei', kind: 'person', file: 'org/people.yaml' },
];
const lookup = (target: string): RefCandidate[] =>
  target === 'person' ? people : target === 'region' ? [{ id: 'RGN-EAST', title: 'East', kind: 'region', file: 'org/regions.yaml' }] : [];

describe('completion items', () => {
  it('should offer the fields not yet present, required ones first, with schema documentation', () => {
    const items = keyItems(PARTNER, ['id'], () => undefined);
    assert.deepEqual(
      items.map((i) => i.label),
      ['name', 'status', 'owner', 'regions', 'preferred'],
    );
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 2), ['name', 'status']);
    const status = items.find((i) => i.label === 'status');
    assert.equal(status?.insertText, 'status: ');
    assert.match(status?.documentation ?? '', /Contract status\./);
    assert.match(status?.documentation ?? '', /`active`/);
    assert.match(items.find((i) => i.label === 'owner')?.detail ?? '', /Owner/);
  });

  it('should offer enum values in schema order', () => {
    assert.deepEqual(
      valueItems(PARTNER.properties.status, undefined, lookup).map((i) => [i.label, i.kind]),
      [
        ['prospect', 'enum'],
        ['active', 'enum'],
        ['suspended', 'enum'],
        ['ended', 'enum'],
      ],
    );
  });

  it('should offer ids of the referenced kind with id as label and title as detail', () => {
    const items = valueItems(PARTNER.properties.owner, undefined, lookup);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, i.insertText]),
      [
        ['PER-LI-NA', 'Li Na', 'PER-LI-NA'],
        ['PER-TANG-WEI', 'Tang Wei', 'PER-TANG-WEI'],
      ],
    );
    assert.match(items[0]?.documentation ?? '', /person `PER-LI-NA` — org\/people\.yaml/);
  });

  it('should wrap ids in a flow list when completing an empty array of references', () => {
    assert.deepEqual(
      valueItems(PARTNER.properties.regions, undefined, lookup).map((i) => i.insertText),
      ['[RGN-EAST]'],
    );
    assert.deepEqual(
      valueItems(PARTNER.properties.regions.items, undefined, lookup).map((i) => i.insertText),
      ['RGN-EAST'],
    );
  });

  it('should prefer a configured reference target over the schema', () => {
    assert.deepEqual(
      valueItems({ type: 'string' }, 'person', lookup).map((i) => i.label),
      ['PER-LI-NA', 'PER-TANG-WEI'],
    );
  });

  it('should offer true and false for booleans', () => {
    assert.deepEqual(
      valueItems(PARTNER.properties.preferred, undefined, lookup).map((i) => i.label),
      ['true', 'false'],
    );
  });

  it('should pick placeholders valid for the field where cheap', () => {
    assert.equal(placeholderFor(PARTNER.properties.status, '2026-06-15'), 'prospect');
    assert.equal(placeholderFor({ type: 'string', format: 'date' }, '2026-06-15'), '2026-06-15');
    assert.equal(placeholderFor({ type: 'number', minimum: 0 }, '2026-06-15'), '0');
    assert.equal(placeholderFor({ type: 'array' }, '2026-06-15'), '[]');
    assert.equal(placeholderFor({ type: 'string' }, '2026-06-15'), '""');
    assert.equal(placeholderFor({ enum: ['2026'] }, '2026-06-15'), '"2026"');
  });
});
