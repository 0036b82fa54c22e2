import assert from 'node:assert/strict';
import type { Options } from 'minisearch';
import { CompactMiniSearch, packTerms } from '../../src/core/search/compact';
import { RankedMiniSearch } from '../../src/core/search/ranked';
import { SearchIndex } from '../../src/core/search/searchIndex';
import { SectionReader, SectionWriter } from '../../src/core/search/sections';
import type { SearchDoc } from '../../src/core/search/types';
import type { SearchPart } from '../../src/core/host';
import { rng } from '../bench/generate.mjs';

// A wholesaler's catalogue in two languages, ids of its own, fiscal year from April.
const WORDS = '茶叶 绿茶 红茶 乌龙 礼盒 批发 零售 杭州 龙井 tea teapot teacup kettle kiln glaze porcelain celadon wholesale retail April'.split(' ');
const STATUS = ['在售', 'active', 'discontinued', 'draft'];

function corpus(count: number, seed: number): SearchDoc[] {
  const random = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * random() * a.length)]!;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(random() < 0.3 ? '' : ' ');
  return Array.from({ length: count }, (_, i) => {
    const file = `目录/sku-${i % 37}.yaml`;
    const id = `SKU-${String(i).padStart(4, '0')}`;
    return {
      key: `sku:${id}:${file}:0:items.${i}`,
      kind: i % 5 === 0 ? 'supplier' : 'sku',
      id,
      title: words(1 + Math.floor(random() * 3)),
      file,
      line: i % 3 === 0 ? 0 : 1 + i,
      fields: {
        id,
        status: pick(STATUS),
        price: Math.floor(random() * 5000) / 10,
        launched: `20${25 + (i % 3)}-0${1 + (i % 9)}-15`,
        period: `FY20${26 + (i % 2)}-Q${1 + (i % 4)}`,
        tags: [pick(WORDS), pick(WORDS)],
        nested: { 产地: pick(WORDS), inf: i === 7 ? Infinity : 1 },
      },
      text: words(Math.floor(random() * 30)),
      textLine: 3,
      anchor: { doc: 0, path: ['items', i] },
    };
  });
}

/** The packed bytes as the cache hands them back (both payloads in memory). */
function roundTrip(index: SearchIndex): SectionReader {
  const out = new SectionWriter();
  assert.ok(index.pack(out));
  return readerOf(out);
}

function readerOf(out: SectionWriter): SectionReader {
  const { eager, lazy } = out.finish({ v: 1 });
  const join = (chunks: readonly Uint8Array[]): Uint8Array => {
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return all;
  };
  const lazyBytes = join(lazy);
  const part: SearchPart = { eager: join(eager), lazyLength: lazyBytes.length, readLazy: (at, n) => lazyBytes.subarray(at, at + n), close: () => undefined };
  return new SectionReader(part);
}

const QUERIES = [
  'tea',
  'teapt',
  'porcelain kiln',
  '龙井',
  '绿茶礼盒',
  '"glaze porcelain"',
  'status:在售',
  'kind:supplier tea',
  'price:>250',
  'launched:<2026-05-01',
  'period:>=FY2027-Q1',
  '-tea kettle',
  'te',
  'SKU-00',
  'nested.产地:龙井',
  'kettle teacup',
];

function resultsOf(index: SearchIndex): string {
  return JSON.stringify(QUERIES.map((q) => index.search(q, { limit: 50, fiscalYearStart: 4 })));
}

describe('packed search index (warm-start cache)', function () {
  this.timeout(30000);
  it('answers a query mix exactly as the index it was packed from, in CJK and Latin, with filters', () => {
    const docs = corpus(900, 5);
    const live = new SearchIndex();
    for (const d of docs) live.add(d);
    const expected = resultsOf(live);
    const loaded = SearchIndex.unpack(roundTrip(live));
    assert.equal(resultsOf(loaded), expected);
    const totals = (JSON.parse(expected) as { total: number }[]).map((r) => r.total);
    assert.deepEqual(
      QUERIES.filter((_, i) => totals[i] === 0),
      [],
      'every query finds something',
    );
    const seventh = [...loaded.documents()].find((d) => d.key === docs[7]!.key)!;
    assert.deepEqual(seventh.fields, docs[7]!.fields, 'fields (an infinite number too) survive the round trip');
    assert.deepEqual(seventh.anchor, { doc: 0, path: ['items', 7] });
  });

  it('after documents are replaced, added and removed, answers as an index built from scratch', () => {
    const docs = corpus(900, 6);
    const live = new SearchIndex();
    for (const d of docs) live.add(d);
    const loaded = SearchIndex.unpack(roundTrip(live));
    const changed = corpus(40, 99).map((d, i) => ({ ...d, key: docs[i * 7]!.key, file: docs[i * 7]!.file }));
    const added = corpus(30, 100).map((d) => ({ ...d, key: `new:${d.key}`, title: `${d.title} 新品 brandnewword` }));
    const removed = new Set(docs.filter((_, i) => i % 11 === 0 && i % 7 !== 0).map((d) => d.key));
    for (const d of changed) loaded.add(d);
    for (const d of added) loaded.add(d);
    for (const k of removed) loaded.remove(k);
    // From scratch, in the loaded index's order: unchanged documents, then the replaced and the new ones.
    const byKey = new Map(docs.map((d) => [d.key, d]));
    for (const d of changed) byKey.delete(d.key);
    const fresh = new SearchIndex();
    for (const d of [...byKey.values(), ...changed, ...added]) if (!removed.has(d.key)) fresh.add(d);
    const want = resultsOf(fresh);
    assert.equal(resultsOf(loaded), want);
    assert.equal(JSON.stringify(loaded.search('brandnewword', { limit: 5 })), JSON.stringify(fresh.search('brandnewword', { limit: 5 })));
    assert.equal(loaded.search('brandnewword').total, 30);
  });

  it("expands prefixes and typos to the same terms, in the same order and distance, as MiniSearch's radix tree", () => {
    const docs = corpus(400, 7);
    const options: Options<SearchDoc> = {
      idField: 'key',
      fields: ['title', 'body'],
      storeFields: [],
      extractField: (d, f) => (f === 'key' ? d.key : f === 'title' ? d.title : d.text),
      tokenize: (text) =>
        text
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean),
      processTerm: (t) => t,
    };
    // Built one document at a time: a tree whose order is not the terms' first appearance.
    const tree = new RankedMiniSearch<SearchDoc>(options);
    for (const d of [...docs].reverse()) tree.add(d);
    const out = new SectionWriter();
    const packedDocs = packTerms(tree, out);
    const compact = CompactMiniSearch.load(packedDocs, readerOf(out), options);
    const reference = tree.internals.index as unknown as TermMap;
    const packed = compact.internals.index as unknown as TermMap;
    for (const probe of ['te', 'tea', 'teap', 'kil', '绿', '绿茶', 'porcelan', 'glazz', 'celadn', 'wholesal', 'x']) {
      assert.deepEqual(
        [...packed.atPrefix(probe)].map(([t]) => t),
        [...reference.atPrefix(probe)].map(([t]) => t),
        `prefix ${probe}`,
      );
      for (const distance of [1, 2]) {
        const want = [...reference.fuzzyGet(probe, distance)].map(([t, [, d]]) => `${t}:${d}`);
        assert.deepEqual(
          [...packed.fuzzyGet(probe, distance)].map(([t, [, d]]) => `${t}:${d}`),
          want,
          `fuzzy ${probe} ${distance}`,
        );
      }
    }
    assert.ok([...reference.atPrefix('tea')].length > 1 && [...reference.fuzzyGet('porcelan', 1)].length > 0, 'the probes expand');
  });
});

/** What the executor asks of MiniSearch's term map (its SearchableMap, or the packed one). */
interface TermMap {
  atPrefix(prefix: string): Iterable<[string, unknown]>;
  fuzzyGet(term: string, distance: number): Map<string, [unknown, number]>;
}
