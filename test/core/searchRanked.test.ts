import assert from 'node:assert/strict';
import MiniSearch, { type Options, type Query } from 'minisearch';
import { compileFilter } from '../../src/core/search/fields';
import { SearchIndex } from '../../src/core/search/searchIndex';
import type { SearchDoc } from '../../src/core/search/types';
import { BulkMiniSearch } from '../../src/core/search/bulkLoad';
import { RankedMiniSearch, type Clause } from '../../src/core/search/ranked';
import { parseQuery } from '../../src/core/search/query';
import { rng } from '../bench/generate.mjs';

const WORDS =
  'customer service greeting greetings greet store storage stores oak walnut walnuts sofa soft sort reorder record audit media premium east 3 30 31 300 12 1205'.split(
    ' ',
  );

interface Doc {
  id: string;
  title: string;
  ident: string;
  body: string;
}

function corpus(count: number, seed: number): Doc[] {
  const random = rng(seed);
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(random() * random() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    title: words(1 + Math.floor(random() * 4)),
    ident: `PTN-${i % 40}-${i % 7}`,
    body: words(Math.floor(random() * 40)),
  }));
}

const BOOST = { title: 3, ident: 3, body: 1 };
const WEIGHTS = { prefix: 0.5, fuzzy: 0.3 };
// As in production: terms leave the tokenizer final (the bulk loader relies on it).
const OPTIONS: Options<Doc> = {
  fields: ['title', 'ident', 'body'],
  storeFields: [],
  tokenize: (text) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  processTerm: (term) => term,
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
};

/** The same query for both executors: MiniSearch's Query, and the clauses `matchAll` takes. */
const QUERIES: { name: string; query: Query; clauses: Clause[] }[] = [
  { name: 'one exact word', query: { combineWith: 'AND', queries: ['walnut'] }, clauses: [[{ term: 'walnut', prefix: false, fuzzy: 0 }]] },
  {
    name: 'prefix and typo expansions',
    query: { combineWith: 'AND', queries: [{ queries: ['greet'], prefix: true, fuzzy: 1 }] },
    clauses: [[{ term: 'greet', prefix: true, fuzzy: 1 }]],
  },
  {
    name: 'two words, AND, typos',
    query: {
      combineWith: 'AND',
      queries: [
        { queries: ['custmer'], prefix: true, fuzzy: 1 },
        { queries: ['stor'], prefix: true, fuzzy: 1 },
      ],
    },
    clauses: [[{ term: 'custmer', prefix: true, fuzzy: 1 }], [{ term: 'stor', prefix: true, fuzzy: 1 }]],
  },
  {
    name: 'a short word: whole everywhere OR prefix in title and id',
    query: {
      combineWith: 'AND',
      queries: [
        {
          combineWith: 'OR',
          queries: [
            { queries: ['3'], prefix: false },
            { queries: ['3'], prefix: true, fields: ['title', 'ident'] },
          ],
        },
        { queries: ['ptn'], prefix: true },
      ],
    },
    clauses: [
      [
        { term: '3', prefix: false, fuzzy: 0 },
        { term: '3', prefix: true, fuzzy: 0, fields: ['title', 'ident'] },
      ],
      [{ term: 'ptn', prefix: true, fuzzy: 0 }],
    ],
  },
  { name: 'no match', query: { combineWith: 'AND', queries: ['zzz'] }, clauses: [[{ term: 'zzz', prefix: true, fuzzy: 0 }]] },
];

function miniSearchResults(index: MiniSearch<Doc>, query: Query): Map<string, number> {
  const results = index.search(query, { boost: BOOST, weights: WEIGHTS });
  return new Map(results.map((r) => [r.id as string, r.score]));
}

function rankedResults(index: RankedMiniSearch<Doc>, clauses: Clause[]): Map<string, number> {
  const found = index.matchAll(clauses, BOOST, WEIGHTS);
  const out = new Map<string, number>();
  for (let i = 0; i < found.count; i++) out.set(index.documentAt(found.ids[i]!)!.id, found.scores[i]!);
  return out;
}

describe('ranked search executor', () => {
  const docs = corpus(600, 11);

  it('should match the same documents with bit-equal scores as MiniSearch.search', () => {
    const reference = new MiniSearch<Doc>(OPTIONS);
    reference.addAll(docs);
    const ranked = new RankedMiniSearch<Doc>(OPTIONS);
    ranked.addAll(docs);
    for (const { name, query, clauses } of QUERIES) {
      const want = miniSearchResults(reference, query);
      const got = rankedResults(ranked, clauses);
      assert.equal(got.size, want.size, name);
      if (name !== 'no match') assert.ok(got.size > 0, `${name}: the corpus should match`);
      for (const [id, score] of want) assert.equal(got.get(id), score, `${name}: ${id}`);
    }
  });

  it('should score as a fresh index of the remaining documents after discards, and in bulk', () => {
    const ranked = new RankedMiniSearch<Doc>({ ...OPTIONS, autoVacuum: false });
    ranked.addAll(docs);
    for (let i = 0; i < docs.length; i += 5) ranked.discard(docs[i]!.id);
    const remaining = docs.filter((_, i) => i % 5 !== 0);
    const bulk = BulkMiniSearch.build(remaining, OPTIONS);
    const fresh = new MiniSearch<Doc>(OPTIONS);
    fresh.addAll(remaining);
    for (const { name, query, clauses } of QUERIES) {
      const want = miniSearchResults(fresh, query);
      // Average field lengths are kept incrementally by MiniSearch and summed by the bulk
      // loader, so the last bits may differ.
      for (const [label, got] of [
        ['after discards', rankedResults(ranked, clauses)],
        ['in bulk', rankedResults(bulk, clauses)],
      ] as const) {
        assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), `${name} ${label}`);
        for (const [id, score] of want) assert.ok(Math.abs(got.get(id)! - score) <= 1e-9 * score, `${name} ${label}: ${id} ${got.get(id)} vs ${score}`);
      }
    }
  });

  it('should leave no state behind between queries', () => {
    const ranked = new RankedMiniSearch<Doc>(OPTIONS);
    ranked.addAll(docs);
    const first = QUERIES.map(({ clauses }) => rankedResults(ranked, clauses));
    const again = [...QUERIES]
      .reverse()
      .map(({ clauses }) => rankedResults(ranked, clauses))
      .reverse();
    assert.deepEqual(again, first);
  });

  it('should report the terms a document matched, per field', () => {
    const ranked = new RankedMiniSearch<Doc>(OPTIONS);
    ranked.add({ id: 'x', title: 'Walnut sofa', ident: 'A-1', body: 'greetings and walnuts' });
    const found = ranked.matchAll([[{ term: 'walnut', prefix: true, fuzzy: 0 }]], BOOST, WEIGHTS);
    assert.equal(found.count, 1);
    const terms = found.matchedTerms(found.ids[0]!, ['title', 'body']);
    assert.deepEqual(terms.get('title'), ['walnut']);
    assert.deepEqual(terms.get('body'), ['walnuts']);
    assert.equal(terms.get('ident'), undefined);
  });
});

describe('filter indexes', () => {
  const random = rng(5);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const makeDoc = (i: number, version: number): SearchDoc => {
    const fields: Record<string, unknown> = { id: `E-${i}`, status: pick(['active', 'Active', 'draft', ' paused ', 'ended']) };
    if (random() < 0.6) fields.tier = pick(['A', 'B', 1, 2, 2.5, '2']);
    if (random() < 0.5) fields.Regions = pick([['east', 'west'], ['north'], [], [['east']], 'east']);
    if (random() < 0.4) fields.price = pick([1999, 1999.5, '1999', 20000, 0]);
    if (random() < 0.3) fields.contract = { end: pick(['2026-01-31', '2026-09-30']), value: pick([100, 2000]) };
    return {
      key: `k${i}`,
      kind: pick(['partner', 'project', 'Product']),
      id: `E-${i}`,
      title: `T${i} v${version}`,
      file: `f${i % 9}.yaml`,
      line: 1 + (i % 5),
      fields,
      text: '',
      textLine: 1,
    };
  };
  const FILTERS = [
    'kind:partner',
    'kind:product status:active',
    'status:active',
    'status:paused',
    'tier:a',
    'tier:2',
    'tier:2.0',
    'tier:2.5',
    'regions:east',
    'Regions:north kind:project',
    'price:1999',
    'price:1999.0',
    'price:>1999',
    'price:<=1999.5',
    'contract.end:<2026-06-01',
    'contract.value:2000',
    'status:* -kind:partner',
    'id:E-1*',
    '-status:draft',
    'tier:b -regions:east',
  ];

  it('should give exactly what testing every document gives, before and after edits', () => {
    const all = new Map<string, SearchDoc>();
    const index = new SearchIndex();
    for (let i = 0; i < 300; i++) {
      const doc = makeDoc(i, 0);
      all.set(doc.key, doc);
      index.add(doc);
    }
    const check = (round: string): void => {
      for (const query of FILTERS) {
        const parsed = parseQuery(query);
        const tests = parsed.filters.map((f) => compileFilter(f));
        const want = [...all.values()]
          .filter((d) => tests.every((t) => t(d)))
          .map((d) => d.key)
          .sort();
        const got = index.search(query, { limit: 1000 });
        assert.equal(got.total, want.length, `${round}: ${query}`);
        assert.deepEqual(got.results.map((h) => `k${h.id.slice(2)}`).sort(), want, `${round}: ${query}`);
      }
    };
    check('initial');
    // The field indexes now exist; edits must keep them exact.
    for (let i = 0; i < 300; i += 3) {
      if (i % 2 === 0) {
        all.delete(`k${i}`);
        index.remove(`k${i}`);
      } else {
        const doc = makeDoc(i, 1);
        all.set(doc.key, doc);
        index.replace(doc);
      }
    }
    check('after edits');
  });
});

describe('search index memory over a long session', () => {
  it('should keep its short ids within about twice the documents however many edits', () => {
    const index = new SearchIndex();
    const doc = (i: number, v: number): SearchDoc => ({
      key: `k${i}`,
      kind: 'partner',
      id: `P-${i}`,
      title: `Partner ${i} v${v}`,
      file: `p${i}.yaml`,
      line: 1,
      fields: { status: v % 2 ? 'active' : 'draft' },
      text: `revision ${v}`,
      textLine: 1,
    });
    for (let i = 0; i < 200; i++) index.add(doc(i, 0));
    index.search('partner');
    let widest = 0;
    for (let v = 1; v <= 20_000; v++) {
      index.replace(doc(v % 200, v));
      if (v % 50 === 0) {
        assert.equal(index.search('partner', { limit: 1 }).total, 200);
        widest = Math.max(widest, index.idSpan);
      }
    }
    assert.ok(widest <= 2 * 200 + 4096 + 50, `short ids reached ${widest}`);
    const latest = index.search('"revision 20000"');
    assert.deepEqual(
      latest.results.map((h) => h.id),
      ['P-0'],
    );
    assert.equal(index.search('status:active').total, 100);
  });
});
