import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import { diffDocument, parseGitLog, summarizeDocumentDiff, summaryLine } from '../../src/vscode/changes/historyModel';
import { Repo } from '../../src/vscode/changes/repo';
import { baseWorkspace } from '../core/fixture';
import { openMem } from '../core/memfs';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const D = 'd'.repeat(40);
const RS = '\u001e';
const US = '\u001f';

function record(commit: string, parents: string, subject: string, status: string[]): string {
  return `${RS}${commit}${US}${parents}${US}Ann Lee${US}2026-05-01T10:00:00+08:00${US}${subject}\0${status.length ? `\n${status.join('\0')}\0` : ''}`;
}

let live: Workspace;

before(async () => {
  live = (await openMem(baseWorkspace())).workspace;
});

describe('History: git log output', () => {
  it('should read commits newest first, following a rename back to the old path', () => {
    const out = [
      record(A, B, 'Move the catalogue', ['R100', 'catalog/old.yaml', 'catalog/products.yaml']),
      record(B, `${C} ${D}`, 'Merge branch "prices"', []),
      record(C, D, 'Raise sofa price; see #12', ['M', 'catalog/old.yaml']),
      record(D, '', 'First catalogue', ['A', 'catalog/old.yaml']),
    ].join('');
    assert.deepEqual(parseGitLog(out, 'catalog/products.yaml'), [
      {
        commit: A,
        parent: B,
        author: 'Ann Lee',
        date: '2026-05-01T10:00:00+08:00',
        subject: 'Move the catalogue',
        path: 'catalog/products.yaml',
        parentPath: 'catalog/old.yaml',
        status: 'R',
      },
      // A merge lists no file: the path carries over from the newer commit, compared with the first parent.
      {
        commit: B,
        parent: C,
        author: 'Ann Lee',
        date: '2026-05-01T10:00:00+08:00',
        subject: 'Merge branch "prices"',
        path: 'catalog/old.yaml',
        parentPath: 'catalog/old.yaml',
        status: '',
      },
      {
        commit: C,
        parent: D,
        author: 'Ann Lee',
        date: '2026-05-01T10:00:00+08:00',
        subject: 'Raise sofa price; see #12',
        path: 'catalog/old.yaml',
        parentPath: 'catalog/old.yaml',
        status: 'M',
      },
      { commit: D, author: 'Ann Lee', date: '2026-05-01T10:00:00+08:00', subject: 'First catalogue', path: 'catalog/old.yaml', status: 'A' },
    ]);
  });

  it('should keep separators inside subjects and skip garbage', () => {
    const out = `noise${record(A, '', `tabs\tand ${US}units`, ['A', 'x.yaml'])}${RS}not-a-commit${US}\0`;
    const [entry, ...rest] = parseGitLog(out, 'x.yaml');
    assert.equal(entry?.subject, `tabs\tand ${US}units`);
    assert.deepEqual(rest, []);
  });
});

describe('History: what changed in a document', () => {
  const catalog = baseWorkspace()['catalog/products.yaml'] as string;
  const second = '  - { id: SKU-2, name: Chair, category: chair, currency: CNY, list_price: 300, floor_price: 200, channel_prices: { flagship: 300 } }\n';

  it('should phrase a price change, naming the record when the file holds several', () => {
    const one = summarizeDocumentDiff(
      diffDocument(live.config, live.todayDate, 'catalog/products.yaml', catalog, catalog.replace('list_price: 1000', 'list_price: 1200')),
    );
    assert.deepEqual(one, ['list_price 1000 → 1200 (+200, +20.0%)']);
    const two = summarizeDocumentDiff(
      diffDocument(live.config, live.todayDate, 'catalog/products.yaml', catalog + second, (catalog + second).replace('list_price: 300', 'list_price: 330')),
    );
    assert.deepEqual(two, ['Chair: list_price 300 → 330 (+30, +10.0%)']);
  });

  it('should phrase status changes, added records and a file created in the commit', () => {
    const std = baseWorkspace()['brand/logo.md'] as string;
    const approved = std.replace('status: draft', 'status: approved').replace('version: 0.1.0', 'version: 1.0.0');
    assert.deepEqual(summarizeDocumentDiff(diffDocument(live.config, live.todayDate, 'brand/logo.md', std, approved)), [
      'status draft → approved',
      'version 0.1.0 → 1.0.0',
    ]);
    assert.deepEqual(summarizeDocumentDiff(diffDocument(live.config, live.todayDate, 'catalog/products.yaml', catalog, catalog + second)), [
      'added product Chair (SKU-2)',
    ]);
    assert.deepEqual(summarizeDocumentDiff(diffDocument(live.config, live.todayDate, 'catalog/products.yaml', undefined, catalog)), [
      'added product Sofa (SKU-1)',
    ]);
    const many = `products:\n${[2, 3, 4, 5, 6].map((n) => second.replace('SKU-2', `SKU-${n}`)).join('')}`;
    assert.deepEqual(summarizeDocumentDiff(diffDocument(live.config, live.todayDate, 'catalog/products.yaml', undefined, many)), [
      'added product Chair (SKU-2), Chair (SKU-3), Chair (SKU-4) and 2 more',
    ]);
    assert.deepEqual(
      summarizeDocumentDiff(diffDocument(live.config, live.todayDate, 'catalog/products.yaml', catalog + second, second.replace('  - ', 'products:\n  - '))),
      ['removed product Sofa (SKU-1)'],
    );
  });

  it('should say when only comments or layout changed, or when the file stopped parsing', () => {
    const d = diffDocument(live.config, live.todayDate, 'catalog/products.yaml', catalog, `# Prices incl. VAT\n${catalog}`);
    assert.equal(summaryLine(summarizeDocumentDiff(d)), 'no structured change');
    const broken = summarizeDocumentDiff(diffDocument(live.config, live.todayDate, 'catalog/products.yaml', catalog, 'products:\n  - id: [SKU-1\n'));
    assert.equal(broken.length, 1);
    assert.match(broken[0] as string, /^no longer readable: /);
  });

  it('should cap a summary line', () => {
    assert.equal(summaryLine(['a', 'b', 'c', 'd', 'e', 'f']), 'a; b; c; d; +2 more');
    assert.equal(summaryLine(['a', 'b']), 'a; b');
  });
});

describe('History: a real repository', function () {
  this.timeout(20000);
  let dir: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsbook-history-'));
    mkdirSync(path.join(dir, 'ops', 'catalog'), { recursive: true });
    const file = path.join(dir, 'ops', 'catalog', 'products.yaml');
    writeFileSync(file, baseWorkspace()['catalog/products.yaml'] as string);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'Catalogue');
    writeFileSync(file, (baseWorkspace()['catalog/products.yaml'] as string).replace('list_price: 1000', 'list_price: 1100'));
    git('commit', '-q', '-am', 'Raise the sofa price');
    renameSync(file, path.join(dir, 'ops', 'catalog', 'living room.yaml'));
    git('add', '-A');
    git('commit', '-q', '-m', 'Rename the catalogue file');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('should list the commits of a document through a rename and summarize each', async () => {
    const repo = await Repo.open(path.join(dir, 'ops'));
    assert.ok(repo);
    assert.equal(repo.prefix, 'ops/');
    const entries = await repo.log(repo.repoPath('catalog/living room.yaml'));
    assert.deepEqual(
      entries.map((e) => [e.subject, e.status, e.path, e.parentPath]),
      [
        ['Rename the catalogue file', 'R', 'ops/catalog/living room.yaml', 'ops/catalog/products.yaml'],
        ['Raise the sofa price', 'M', 'ops/catalog/products.yaml', 'ops/catalog/products.yaml'],
        ['Catalogue', 'A', 'ops/catalog/products.yaml', undefined],
      ],
    );
    const raise = entries[1];
    assert.ok(raise?.parent && raise.parentPath);
    const before = await repo.show(raise.parent, raise.parentPath);
    const after = await repo.show(raise.commit, raise.path);
    const rel = repo.folderPath(raise.path) as string;
    assert.equal(rel, 'catalog/products.yaml');
    assert.deepEqual(summarizeDocumentDiff(diffDocument(live.config, live.todayDate, rel, before, after)), ['list_price 1000 → 1100 (+100, +10.0%)']);
    assert.equal(await repo.show(raise.commit, 'ops/catalog/missing.yaml'), undefined);
  });

  it('should resolve HEAD, list refs and refuse option-like revisions', async () => {
    const repo = (await Repo.open(dir)) as Repo;
    assert.equal(repo.prefix, '');
    assert.match((await repo.revParseHead()) ?? '', /^[0-9a-f]{40}$/);
    assert.equal(await repo.upstream(), undefined);
    git('tag', 'v1');
    assert.ok((await repo.refs()).some((r) => r.name === 'v1' && r.kind === 'tag'));
    await assert.rejects(repo.resolve('--output=/tmp/x'), /must not start with "-"/);
    await assert.rejects(repo.resolve('no-such-branch'), /was not found/);
  });

  it('should say a folder outside any repository is not one', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'opsbook-nogit-'));
    try {
      assert.equal(await Repo.open(outside), undefined);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
