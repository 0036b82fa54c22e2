import * as assert from 'node:assert/strict';
import { WorkspaceSearch } from '../../src/core/model/search';
import type { SearchHit, SearchResponse } from '../../src/core/index';
import { escapeIcons, searchRows, type SearchTarget } from '../../src/vscode/search/results';
import { SAMPLE_KEY, sampleWorkspace } from './views.fixture';

async function sampleTarget(): Promise<SearchTarget> {
  return { key: SAMPLE_KEY, name: 'lumen-oak', search: new WorkspaceSearch(await sampleWorkspace()) };
}

function hit(id: string, score: number, extra: Partial<SearchHit> = {}): SearchHit {
  return { id, kind: 'partner', title: `Title ${id}`, file: 'partners/p.yaml', line: 3, score, snippet: `snippet ${id}`, ...extra };
}

/** A folder whose engine answers every query with the given hits. */
function fixed(key: string, name: string, hits: SearchHit[], total = hits.length): SearchTarget {
  return { key, name, search: { search: (query): SearchResponse => ({ query, total, results: hits }) } };
}

describe('search quick pick rows', () => {
  it('should find a standard by a word in its body and open it at the match', async () => {
    const rows = searchRows([await sampleTarget()], 'greeting kind:standard');
    const first = rows[0];
    assert.equal(first?.label, 'STD-SVC-001  Customer service standard');
    assert.match(first?.description ?? '', /^standard · standards\/STD-SVC-001-customer-service\.md:\d+$/);
    assert.match(first?.detail ?? '', /greet/i);
    assert.equal(first?.icon, 'law');
    assert.equal(first?.location?.file, 'standards/STD-SVC-001-customer-service.md');
    assert.equal(first?.description, `standard · ${first?.location?.file}:${first?.location?.line}`);
  });

  it('should give no rows for an empty query', async () => {
    assert.deepEqual(searchRows([await sampleTarget()], '   '), []);
  });

  it('should say so when nothing matches', async () => {
    assert.deepEqual(searchRows([await sampleTarget()], 'kind:standard id:NOPE-000'), [
      {
        label: 'No results for kind:standard id:NOPE-000',
        detail: 'Try fewer or shorter words, or check field names (status:approved, kind:standard).',
        icon: 'info',
      },
    ]);
  });

  it('should put query syntax problems first, then the results', async () => {
    const rows = searchRows([await sampleTarget()], 'status: kind:standard');
    assert.deepEqual(rows[0], { label: "Ignored 'status:': a filter needs a value after ':'.", description: 'query syntax', icon: 'warning' });
    assert.ok(rows.slice(1).every((r) => r.location !== undefined || r.icon === 'info'));
    assert.ok(rows.some((r) => r.location));
  });

  it('should merge folders by score and name the folder in the path', () => {
    const rows = searchRows([fixed('file:///a', 'alpha', [hit('PTN-1', 5), hit('PTN-2', 1)]), fixed('file:///b', 'beta', [hit('PTN-3', 3)])], 'x');
    assert.deepEqual(
      rows.map((r) => [r.label, r.description, r.location?.folder]),
      [
        ['PTN-1  Title PTN-1', 'partner · alpha/partners/p.yaml:3', 'file:///a'],
        ['PTN-3  Title PTN-3', 'partner · beta/partners/p.yaml:3', 'file:///b'],
        ['PTN-2  Title PTN-2', 'partner · alpha/partners/p.yaml:3', 'file:///a'],
      ],
    );
  });

  it('should keep at most the limit and say how many more there are', () => {
    const rows = searchRows([fixed('file:///a', 'a', [hit('PTN-1', 3), hit('PTN-2', 2), hit('PTN-3', 1)], 30)], 'x', 2);
    assert.deepEqual(
      rows.map((r) => r.label),
      ['PTN-1  Title PTN-1', 'PTN-2  Title PTN-2', 'Showing 2 of 30 results'],
    );
  });

  it('should label plain documents by title and leave out an empty snippet', () => {
    const rows = searchRows([fixed('file:///a', 'a', [hit('', 1, { kind: 'document', title: 'Read me', file: 'README.md', line: 1, snippet: '' })])], 'x');
    assert.deepEqual(rows[0], {
      label: 'Read me',
      description: 'document · README.md:1',
      icon: 'file-text',
      location: { folder: 'file:///a', file: 'README.md', line: 1 },
    });
  });

  it('should report a folder whose search fails and still show the others', () => {
    const broken: SearchTarget = {
      key: 'file:///b',
      name: 'beta',
      search: {
        search: () => {
          throw new Error('index corrupt');
        },
      },
    };
    const rows = searchRows([fixed('file:///a', 'alpha', [hit('PTN-1', 1)]), broken], 'x');
    assert.deepEqual(
      rows.map((r) => r.label),
      ['Search failed in beta: index corrupt', 'PTN-1  Title PTN-1'],
    );
  });

  it('should show icon syntax from documents as written', () => {
    assert.equal(escapeIcons('Price $(sync) and $5 (net)'), 'Price \\$(sync) and $5 (net)');
    const rows = searchRows([fixed('file:///a', 'a', [hit('PTN-1', 1, { title: 'Use $(zap) now' })])], 'x');
    assert.equal(rows[0]?.label, 'PTN-1  Use \\$(zap) now');
  });
});
