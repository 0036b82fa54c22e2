import { strict as assert } from 'node:assert';
import type { VocabularyConfig } from '../../src/core/config/types';
import { parsePathPattern } from '../../src/core/model/pathPattern';
import type { VocabularyBinding } from '../../src/core/vocab/bindings';
import type { KindShape } from '../../src/vscode/language/entityPath';
import { vocabularyAt, vocabularyHover, vocabularyItems } from '../../src/vscode/language/vocabulary';

const STATUS: VocabularyConfig = {
  name: 'partner.status',
  class: 'rule',
  values: ['prospect', 'active', 'suspended', 'ended'],
  strict: true,
  aliases: { 合作中: 'active', 已终止: 'ended' },
  origin: 'opsbook.yaml',
};
const TIER: VocabularyConfig = { name: 'partner.tier', class: 'company', strict: true, aliases: {}, origin: 'ops' };
const DIRECTION: VocabularyConfig = { name: 'kpi.direction', class: 'rule', values: ['up', 'down'], strict: true, aliases: {}, origin: 'ops' };
const CHANNEL: VocabularyConfig = { name: 'channel', class: 'default', values: ['flagship', 'online'], strict: true, aliases: {}, origin: 'ops' };

const bind = (kind: string, path: string, vocabulary: VocabularyConfig): VocabularyBinding => ({ kind, path, steps: parsePathPattern(path), vocabulary });
const BINDINGS = new Map<string, VocabularyBinding[]>([
  ['partner', [bind('partner', 'status', STATUS), bind('partner', 'tier', TIER)]],
  ['kpi', [bind('kpi', 'direction', DIRECTION)]],
  ['product', [bind('product', 'channel_prices{}', CHANNEL)]],
]);
const bindingsOf = (kind: string) => BINDINGS.get(kind) ?? [];

const PARTNERS: KindShape = { name: 'partner', layout: 'list', listKey: 'partners', idField: 'id', nested: [] };
const PLAN: KindShape = {
  name: 'plan',
  layout: 'single',
  idField: 'id',
  nested: [
    { kind: 'objective', path: 'objectives[]' },
    { kind: 'kpi', path: 'objectives[].kpis[]' },
  ],
};
const PRODUCTS: KindShape = { name: 'product', layout: 'list', listKey: 'products', idField: 'id', nested: [] };

describe('vocabulary values in the editor', () => {
  it('finds the vocabulary of a field, of a nested entity field and of a map key', () => {
    assert.equal(vocabularyAt(['partners', 2, 'status'], false, PARTNERS, bindingsOf)?.name, 'partner.status');
    assert.equal(vocabularyAt(['objectives', 0, 'kpis', 1, 'direction'], false, PLAN, bindingsOf)?.name, 'kpi.direction');
    assert.equal(vocabularyAt(['products', 0, 'channel_prices', 'tmall'], true, PRODUCTS, bindingsOf)?.name, 'channel');
    assert.equal(vocabularyAt(['partners', 2, 'name'], false, PARTNERS, bindingsOf), undefined);
    assert.equal(vocabularyAt(['products', 0, 'channel_prices', 'tmall'], false, PRODUCTS, bindingsOf), undefined);
  });

  it('offers declared values in order, then aliases with their meaning, then other values in use, marked as such', () => {
    const items = vocabularyItems(
      STATUS,
      new Map([
        ['合作中', 4],
        ['active', 2],
        ['洽谈中', 1],
      ]),
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['prospect', 'active', 'suspended', 'ended', '合作中', '已终止', '洽谈中'],
    );
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.deepEqual(
      sorted,
      items.map((i) => i.label),
    );
    assert.equal(items.find((i) => i.label === 'active')?.detail, 'partner.status · used 2 times in this workspace');
    assert.equal(items.find((i) => i.label === '合作中')?.detail, 'partner.status · alias of active · used 4 times in this workspace');
    assert.match(items.find((i) => i.label === '洽谈中')?.detail ?? '', /used in this workspace, not in the declared list/);
    assert.equal(items.find((i) => i.label === '洽谈中')?.kind, 'value');
  });

  it('an open company vocabulary offers the values already used', () => {
    const items = vocabularyItems(
      TIER,
      new Map([
        ['金牌', 3],
        ['银牌', 1],
      ]),
    );
    assert.deepEqual(
      items.map((i) => `${i.label}: ${i.detail}`),
      [
        '金牌: partner.tier · already used in this workspace, used 3 times in this workspace',
        '银牌: partner.tier · already used in this workspace, used once in this workspace',
      ],
    );
  });

  it('quotes values that YAML would read otherwise', () => {
    const v: VocabularyConfig = { ...CHANNEL, values: ['yes', 'on-line', '天猫旗舰店', '2026'] };
    assert.deepEqual(
      vocabularyItems(v).map((i) => i.insertText),
      ['"yes"', 'on-line', '天猫旗舰店', '"2026"'],
    );
  });

  it('hover names the vocabulary and its class, and an alias its meaning', () => {
    const alias = vocabularyHover(STATUS, '合作中');
    assert.match(alias, /`合作中` is an alias of \*\*`active`\*\* in vocabulary `partner\.status`/);
    assert.match(alias, /Class: rule \(rule-bearing/);
    assert.match(vocabularyHover(CHANNEL, 'online'), /`online` is a value of vocabulary `channel`[^]*Class: default/);
    assert.match(vocabularyHover(CHANNEL, 'tmall'), /`tmall` is not in vocabulary `channel`/);
    assert.match(vocabularyHover(TIER, '金牌'), /`partner\.tier` is open[^]*Class: company/);
  });
});
