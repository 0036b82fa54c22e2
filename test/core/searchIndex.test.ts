import assert from 'node:assert/strict';
import { SearchIndex } from '../../src/core/search/searchIndex';
import type { SearchDoc, SearchHit } from '../../src/core/search/types';

const standard: SearchDoc = {
  key: 'standard:STD-SVC-001',
  kind: 'standard',
  id: 'STD-SVC-001',
  title: 'Customer greeting standard',
  file: 'standards/service/greeting.md',
  line: 1,
  fields: {
    id: 'STD-SVC-001',
    title: 'Customer greeting standard',
    status: 'approved',
    version: '1.2.0',
    owner: 'PER-CHEN YU',
    effective: '2026-01-15',
    scope: { regions: ['east', 'west'], channels: ['flagship'] },
  },
  text: '# Purpose\n\nEvery visitor is welcomed within ten seconds.\n\n## Clause 3.2\n\nStaff offer a greeting and a seat to waiting\ncustomers.\n',
  textLine: 12,
};
const media: SearchDoc = {
  key: 'partner:PTN-007',
  kind: 'partner',
  id: 'PTN-007',
  title: 'Northwind Media',
  file: 'partners/media.yaml',
  line: 14,
  fields: {
    id: 'PTN-007',
    name: 'Northwind Media',
    type: 'media',
    regions: ['east', 'north'],
    tier: 2,
    status: 'active',
    contract: { start: '2025-01-01', end: '2026-09-30', value: 120000, currency: 'CNY' },
  },
  text: '',
  textLine: 14,
};
const distributor: SearchDoc = {
  key: 'partner:PTN-012',
  kind: 'partner',
  id: 'PTN-012',
  title: 'Southern Distribution Co',
  file: 'partners/channel.yaml',
  line: 3,
  fields: {
    id: 'PTN-012',
    name: 'Southern Distribution Co',
    type: 'channel',
    regions: ['south'],
    tier: 1,
    status: 'suspended',
    contract: { start: '2024-04-01', end: '2027-03-31', value: 80000, currency: 'CNY' },
  },
  text: '',
  textLine: 3,
};
const bed: SearchDoc = {
  key: 'product:SKU-1001',
  kind: 'product',
  id: 'SKU-1001',
  title: 'Oak bed frame',
  file: 'catalog/bedroom.yaml',
  line: 2,
  fields: { id: 'SKU-1001', name: 'Oak bed frame', category: 'bedroom', list_price: 1999, floor_price: 1500 },
  text: '',
  textLine: 2,
};
const windowProject: SearchDoc = {
  key: 'project:PRJ-2026-01',
  kind: 'project',
  id: 'PRJ-2026-01',
  title: 'Flagship window decoration',
  file: 'projects/window.md',
  line: 1,
  fields: { id: 'PRJ-2026-01', title: 'Flagship window decoration', status: 'in-progress', budget: 250000, due: '2026-05-31', partners: ['PTN-007'] },
  text: 'Reorder the display fixtures before the spring campaign.\nThe greeting desk moves to the entrance.\n',
  textLine: 9,
};
const readme: SearchDoc = {
  key: 'doc:brand/readme.md',
  kind: 'document',
  id: '',
  title: 'Brand manual readme',
  file: 'brand/readme.md',
  line: 1,
  fields: {},
  text: '# Brand manual\n\nThis folder holds the brand manual chapters.\n品牌手册的使用说明。\n',
  textLine: 1,
};
const workspace = [standard, media, distributor, bed, windowProject, readme];

function indexOf(docs: readonly SearchDoc[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);
  return index;
}

function ids(results: readonly SearchHit[]): string[] {
  return results.map((r) => r.id || r.file);
}

describe('search index', () => {
  const index = indexOf(workspace);
  const find = (query: string, options?: { kind?: string; limit?: number }): string[] => ids(index.search(query, options).results);

  describe('words', () => {
    it('should find a word in the title, fields and body, title first', () => {
      assert.deepEqual(find('greeting'), ['STD-SVC-001', 'PRJ-2026-01']);
    });

    it('should require every word', () => {
      assert.deepEqual(find('greeting desk'), ['PRJ-2026-01']);
      assert.deepEqual(find('greeting northwind'), []);
    });

    it('should match a word by its prefix', () => {
      assert.deepEqual(find('reorde'), ['PRJ-2026-01']);
      assert.deepEqual(find('northw'), ['PTN-007']);
    });

    it('should tolerate one typo in a word of four to seven characters', () => {
      assert.deepEqual(find('greting'), ['STD-SVC-001', 'PRJ-2026-01']);
      assert.deepEqual(find('frme'), ['SKU-1001']);
    });

    it('should tolerate two typos from eight characters', () => {
      assert.deepEqual(find('custmoers'), ['STD-SVC-001']);
    });

    it('should not tolerate typos below four characters', () => {
      assert.deepEqual(find('bde'), []);
      assert.deepEqual(find('bed'), ['SKU-1001']);
    });

    it('should rank an exact match above a typo match', () => {
      const typoIndex = indexOf([
        { ...bed, key: 'a', id: 'A', title: 'Greting card' },
        { ...bed, key: 'b', id: 'B', title: 'Greeting card' },
      ]);
      assert.deepEqual(ids(typoIndex.search('greeting').results), ['B', 'A']);
    });

    it('should find an id by its whole text and by its parts', () => {
      assert.deepEqual(find('ptn-007'), ['PTN-007', 'PRJ-2026-01']);
      assert.deepEqual(find('007'), ['PTN-007', 'PRJ-2026-01']);
      assert.deepEqual(find('STD-SVC-001'), ['STD-SVC-001']);
    });

    it('should search numbers and nested field values', () => {
      assert.deepEqual(find('1999'), ['SKU-1001']);
      assert.deepEqual(find('cny'), ['PTN-007', 'PTN-012']);
    });

    it('should match one- and two-character words whole, or as prefixes of title words', () => {
      assert.deepEqual(find('co'), ['PTN-012']);
      assert.deepEqual(find('oa'), ['SKU-1001']);
      assert.deepEqual(find('wa'), []);
    });

    it('should find CJK text by whole run and by a shorter run inside it', () => {
      assert.deepEqual(find('品牌手册的使用说明'), ['brand/readme.md']);
      assert.deepEqual(find('手册'), ['brand/readme.md']);
      assert.deepEqual(find('使用说明'), ['brand/readme.md']);
      assert.deepEqual(find('说明书'), []);
    });
  });

  describe('phrases', () => {
    it('should match a phrase across line breaks, ignoring case', () => {
      assert.deepEqual(find('"Seat to waiting customers"'), ['STD-SVC-001']);
    });

    it('should match a phrase as a substring, not only at word boundaries', () => {
      assert.deepEqual(find('"eeting and a se"'), ['STD-SVC-001']);
      assert.deepEqual(find('"uthern distri"'), ['PTN-012']);
    });

    it('should not match words in another order', () => {
      assert.deepEqual(find('"waiting to seat"'), []);
    });

    it('should match a phrase in a field value', () => {
      assert.deepEqual(find('"per-chen yu"'), ['STD-SVC-001']);
    });

    it('should match a phrase of punctuation and digits', () => {
      assert.deepEqual(find('"3.2"'), ['STD-SVC-001']);
    });

    it('should combine phrases with words', () => {
      assert.deepEqual(find('greeting "spring campaign"'), ['PRJ-2026-01']);
    });
  });

  describe('filters', () => {
    it('should list every document of a kind, ordered by id', () => {
      assert.deepEqual(find('kind:partner'), ['PTN-007', 'PTN-012']);
      assert.deepEqual(find('', { kind: 'partner' }), ['PTN-007', 'PTN-012']);
    });

    it('should list filter-only results by kind, then id', () => {
      assert.deepEqual(find('-kind:partner'), ['brand/readme.md', 'SKU-1001', 'PRJ-2026-01', 'STD-SVC-001']);
    });

    it('should match ids exactly or by a trailing * prefix, ignoring case', () => {
      assert.deepEqual(find('id:ptn-007'), ['PTN-007']);
      assert.deepEqual(find('id:PTN-0'), []);
      assert.deepEqual(find('id:ptn-0*'), ['PTN-007', 'PTN-012']);
    });

    it('should read field:* as "has a non-empty value"', () => {
      assert.deepEqual(find('tier:*'), ['PTN-007', 'PTN-012']);
      assert.deepEqual(find('id:*', { kind: 'document' }), []);
    });

    it('should match a field value ignoring case, field name too', () => {
      assert.deepEqual(find('status:ACTIVE'), ['PTN-007']);
      assert.deepEqual(find('Status:active'), ['PTN-007']);
    });

    it('should match a quoted value with spaces', () => {
      assert.deepEqual(find('owner:"PER-CHEN YU"'), ['STD-SVC-001']);
      assert.deepEqual(find('owner:"per-chen   yu"'), ['STD-SVC-001']);
    });

    it('should test membership for arrays', () => {
      assert.deepEqual(find('regions:north'), ['PTN-007']);
      assert.deepEqual(find('regions:east'), ['PTN-007']);
      assert.deepEqual(find('partners:PTN-007'), ['PRJ-2026-01']);
    });

    it('should follow dotted paths into nested objects and arrays', () => {
      assert.deepEqual(find('scope.regions:west'), ['STD-SVC-001']);
      assert.deepEqual(find('contract.currency:cny'), ['PTN-007', 'PTN-012']);
    });

    it('should compare numbers numerically', () => {
      assert.deepEqual(find('list_price:>1500'), ['SKU-1001']);
      assert.deepEqual(find('list_price:>1999'), []);
      assert.deepEqual(find('list_price:>=1999'), ['SKU-1001']);
      assert.deepEqual(find('tier:<2'), ['PTN-012']);
      assert.deepEqual(find('contract.value:>100000'), ['PTN-007']);
      assert.deepEqual(find('budget:<=250000'), ['PRJ-2026-01']);
      assert.deepEqual(find('list_price:1999.0'), ['SKU-1001']);
    });

    it('should compare ISO dates and periods as strings', () => {
      assert.deepEqual(find('contract.end:<2027-01-01'), ['PTN-007']);
      assert.deepEqual(find('contract.end:>=2026-09-30'), ['PTN-007', 'PTN-012']);
      assert.deepEqual(find('due:<2026-06'), ['PRJ-2026-01']);
      assert.deepEqual(find('effective:>2026-01-15'), []);
    });

    it('should not match documents that lack the field', () => {
      assert.deepEqual(find('tier:>0'), ['PTN-007', 'PTN-012']);
      assert.deepEqual(find('nosuchfield:x'), []);
    });

    it('should exclude by a negated filter, keeping documents without the field', () => {
      assert.deepEqual(find('kind:partner -status:suspended'), ['PTN-007']);
      assert.deepEqual(find('-status:approved greeting'), ['PRJ-2026-01']);
      assert.deepEqual(find('-tier:>1 kind:partner'), ['PTN-012']);
    });

    it('should match kind, title and file as built-in fields', () => {
      assert.deepEqual(find('title:"oak bed frame"'), ['SKU-1001']);
      assert.deepEqual(find('file:partners/*'), ['PTN-007', 'PTN-012']);
      assert.deepEqual(find('kind:document'), ['brand/readme.md']);
    });

    it('should combine words and filters', () => {
      assert.deepEqual(find('greeting kind:project'), ['PRJ-2026-01']);
      assert.deepEqual(find('greeting', { kind: 'standard' }), ['STD-SVC-001']);
    });
  });

  describe('negated words and phrases', () => {
    it('should leave out documents containing a negated word', () => {
      assert.deepEqual(find('greeting -seat'), ['PRJ-2026-01']);
    });

    it('should match negated words exactly, without prefix or typo tolerance', () => {
      assert.deepEqual(find('greeting -sea'), ['STD-SVC-001', 'PRJ-2026-01']);
    });

    it('should leave out documents containing a negated phrase', () => {
      assert.deepEqual(find('greeting -"spring campaign"'), ['STD-SVC-001']);
    });

    it('should list everything else for a query of negations only', () => {
      assert.deepEqual(find('-greeting -kind:partner'), ['brand/readme.md', 'SKU-1001']);
    });
  });

  describe('hits', () => {
    it('should point at the body line of the first match and show it in the snippet', () => {
      assert.deepEqual(index.search('seat').results, [
        {
          id: 'STD-SVC-001',
          kind: 'standard',
          title: 'Customer greeting standard',
          file: 'standards/service/greeting.md',
          line: 18,
          score: 1.75,
          snippet: 'Purpose Every visitor is welcomed within ten seconds. Clause 3.2 Staff offer a greeting and a seat to waiting customers.',
        },
      ]);
    });

    it('should show a prefix or typo match as written in the text', () => {
      const [hit] = index.search('reordr').results;
      assert.equal(hit?.line, 9);
      assert.equal(hit?.snippet, 'Reorder the display fixtures before the spring campaign. The greeting desk moves to the entrance.');
    });

    it('should point at the line where a phrase starts', () => {
      const [hit] = index.search('"waiting customers"').results;
      assert.equal(hit?.line, 18);
    });

    it('should show the matching field as name: value when the body does not match', () => {
      assert.deepEqual(
        index.search('northwind').results.map((r) => [r.line, r.snippet]),
        [[14, 'name: Northwind Media']],
      );
      assert.equal(index.search('contract.value:>100000').results[0]?.snippet, 'contract.value: 120000');
    });

    it('should show the start of the body for a title-only match', () => {
      assert.equal(index.search('manual').results[0]?.snippet, 'Brand manual This folder holds the brand manual chapters. 品牌手册的使用说明。');
    });

    it('should keep a snippet of a long body to about 120 characters around the match', () => {
      const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
      words[100] = 'needle';
      const longIndex = indexOf([{ ...readme, key: 'long', text: words.join(' ') }]);
      const [hit] = longIndex.search('needle').results;
      assert.equal(hit?.snippet, '…word95 word96 word97 word98 word99 needle word101 word102 word103 word104 word105 word106 word107 word108 word109…');
      assert.ok((hit?.snippet.length ?? 0) <= 122);
    });
  });

  describe('limit and total', () => {
    it('should count every match but return at most limit results', () => {
      const response = index.search('kind:partner', { limit: 1 });
      assert.equal(response.total, 2);
      assert.deepEqual(ids(response.results), ['PTN-007']);
    });

    it('should return 20 results by default', () => {
      const many = indexOf(Array.from({ length: 30 }, (_, i) => ({ ...bed, key: `p${i}`, id: `SKU-${1000 + i}` })));
      const response = many.search('oak');
      assert.equal(response.total, 30);
      assert.equal(response.results.length, 20);
    });

    it('should echo the query', () => {
      assert.deepEqual(index.search('nothing-matches-this'), { query: 'nothing-matches-this', total: 0, results: [] });
    });

    it('should return nothing for an empty query', () => {
      assert.deepEqual(index.search('   '), { query: '   ', total: 0, results: [] });
    });
  });

  describe('updates', () => {
    it('should replace a document in place', () => {
      const live = indexOf(workspace);
      assert.deepEqual(ids(live.search('seat').results), ['STD-SVC-001']);
      live.replace({ ...standard, text: 'Staff offer a chair.' });
      assert.deepEqual(ids(live.search('seat').results), []);
      assert.deepEqual(ids(live.search('chair').results), ['STD-SVC-001']);
      assert.equal(live.size, workspace.length);
    });

    it('should remove a document, ignoring unknown keys', () => {
      const live = indexOf(workspace);
      live.search('warm up');
      live.remove('partner:PTN-007');
      live.remove('partner:nope');
      assert.deepEqual(ids(live.search('kind:partner').results), ['PTN-012']);
      assert.deepEqual(ids(live.search('northwind').results), []);
      assert.equal(live.size, workspace.length - 1);
    });

    it('should treat adding an existing key as a replacement', () => {
      const live = indexOf(workspace);
      live.add({ ...bed, title: 'Walnut bed frame', fields: { ...bed.fields, name: 'Walnut bed frame' } });
      assert.deepEqual(ids(live.search('walnut').results), ['SKU-1001']);
      assert.deepEqual(ids(live.search('oak').results), []);
      assert.equal(live.size, workspace.length);
    });

    it('should take edits made between searches, keystroke by keystroke', () => {
      const live = indexOf(workspace);
      for (const text of ['S', 'St', 'Sta', 'Staf', 'Staff']) {
        live.replace({ ...readme, text });
        live.search('anything');
      }
      // The one-word body outweighs the same word in a longer one.
      assert.deepEqual(ids(live.search('staff').results), ['brand/readme.md', 'STD-SVC-001']);
      assert.deepEqual(ids(live.search('sta kind:document').results), ['brand/readme.md']);
    });

    it('should give the same results whether built in bulk or one document at a time', () => {
      const docs = Array.from({ length: 400 }, (_, i): SearchDoc => ({
        key: `k${i}`,
        kind: i % 3 === 0 ? 'partner' : 'project',
        id: `ID-${i}`,
        title: `Title ${['alpha', 'beta', 'gamma', 'delta'][i % 4]} ${i}`,
        file: `f${i % 7}.md`,
        line: i,
        fields: { status: ['active', 'draft'][i % 2], budget: i * 10, tags: [`t${i % 5}`] },
        text: `Body ${'lorem ipsum dolor sit amet '.repeat(i % 9)} item${i} greeting`.repeat(1 + (i % 3)),
        textLine: 1,
      }));
      const bulk = indexOf(docs);
      bulk.search('warm up');
      const oneByOne = new SearchIndex();
      for (const doc of docs) {
        oneByOne.add(doc);
        oneByOne.search('warm up');
      }
      for (const query of ['greeting', 'alpha', 'lorem dolor', 'item12', 't3', 'gama', 'sit status:draft', '"amet item"']) {
        const a = bulk.search(query, { limit: 50 });
        const b = oneByOne.search(query, { limit: 50 });
        assert.equal(a.total, b.total, query);
        assert.deepEqual(ids(a.results), ids(b.results), query);
        a.results.forEach((hit, i) => assert.ok(Math.abs(hit.score - (b.results[i]?.score ?? NaN)) <= 0.001, query));
      }
    });
  });

  describe('bad input', () => {
    it('should never throw, whatever the query', () => {
      const weird = [
        '"',
        '-',
        ':',
        '::',
        'a:b:c',
        '-"',
        'kind:"',
        '((',
        '*',
        'id:*',
        '\u0000',
        '"\u0000"',
        'x'.repeat(10_000),
        '__proto__:x',
        'constructor:x',
        'toString:>1',
        'hasOwnProperty:',
        '-:',
        '>',
        'budget:>abc',
        'due:<<2026',
        '\ud800',
        '🙂 "🙂"',
      ];
      for (const query of weird) {
        const response = index.search(query);
        assert.equal(response.query, query);
        assert.ok(response.total >= 0);
      }
    });

    it('should not let control characters in a phrase match everything', () => {
      assert.equal(index.search('"\u0000"').total, 0);
      assert.deepEqual(ids(index.search('"seat\u0000"').results), ['STD-SVC-001']);
    });

    it('should not reach the prototype through field names', () => {
      const polluted = indexOf([{ ...bed, fields: JSON.parse('{"__proto__": {"polluted": "yes"}, "name": "x"}') as Record<string, unknown> }]);
      assert.deepEqual(ids(polluted.search('constructor:x').results), []);
      assert.deepEqual(ids(polluted.search('__proto__.polluted:yes').results), ['SKU-1001']);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    it('should index deeply nested and very long values without failing', () => {
      let nested: Record<string, unknown> = { leaf: 'deepvalue' };
      for (let i = 0; i < 100; i++) nested = { child: nested };
      const odd = indexOf([{ ...bed, fields: { nested, blob: 'z'.repeat(100_000) } }]);
      assert.equal(odd.search('zzzz').total, 1);
      assert.equal(odd.search('deepvalue').total, 0);
    });
  });
});
