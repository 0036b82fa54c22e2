import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SchemaCache } from '../../src/core';
import { fastSides } from '../../src/cli/commands/diff';
import type { CommonValues } from '../../src/cli/common';
import { run } from '../../src/cli/main';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { Git, GitRevisionFs } from '../../src/node/git';
import { gitIn, replaceIn as replaceInFile } from './gitRepo';

const SAMPLE = path.resolve(__dirname, '../../samples/lumen-oak');
const TODAY = '2026-06-15';

let tmp: string;
let ws: string;

const git = (...args: string[]): string => gitIn(ws, tmp, ...args);
const replaceIn = (file: string, from: string | RegExp, to: string): void => replaceInFile(path.join(ws, file), from, to);

async function opsbook(full: boolean, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const before = process.env['OPSBOOK_DIFF_FULL'];
  if (full) process.env['OPSBOOK_DIFF_FULL'] = '1';
  else delete process.env['OPSBOOK_DIFF_FULL'];
  try {
    const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: ws });
    return { code, stdout, stderr };
  } finally {
    if (before === undefined) delete process.env['OPSBOOK_DIFF_FULL'];
    else process.env['OPSBOOK_DIFF_FULL'] = before;
  }
}

/** Whether the one-load path was taken for `base..head` (head undefined: the working tree). */
async function tookFastPath(base: string, head: string | undefined): Promise<boolean> {
  const g = new Git(ws);
  const baseFs = new GitRevisionFs(g, await g.resolveCommit(base), '');
  const headFs = head ? new GitRevisionFs(g, await g.resolveCommit(head), '') : new NodeWorkspaceFs(ws);
  try {
    const sides = await fastSides(
      g,
      await g.resolveCommit(base),
      head ? await g.resolveCommit(head) : undefined,
      baseFs,
      headFs,
      { today: TODAY } as CommonValues,
      new SchemaCache(),
    );
    return sides !== undefined;
  } finally {
    baseFs.close();
    if (headFs instanceof GitRevisionFs) headFs.close();
  }
}

/** The fast path and the two-workspace path print the same bytes and exit the same, in every format. */
async function assertSameAsFull(base: string, head: string | undefined): Promise<string> {
  let text = '';
  for (const format of ['text', 'json', 'markdown']) {
    const args = ['diff', base, ...(head ? [head] : []), '--today', TODAY, '--format', format];
    const fast = await opsbook(false, ...args);
    const full = await opsbook(true, ...args);
    assert.equal(fast.stdout, full.stdout, `${format} output differs`);
    assert.equal(fast.code, full.code);
    assert.equal(fast.stderr, full.stderr);
    if (format === 'text') text = fast.stdout;
  }
  return text;
}

/** Makes branch `name` from main with one change committed. */
function branch(name: string, change: () => void): void {
  git('checkout', '-q', 'main');
  git('checkout', '-q', '-b', name);
  change();
  git('add', '-A');
  git('commit', '-q', '-m', name);
  git('checkout', '-q', 'main');
}

describe('cli: opsbook diff derives the base from the head (one load plus the change)', function () {
  this.timeout(120_000);

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'opsbook-fastdiff-'));
    writeFileSync(path.join(tmp, 'gitconfig'), '');
    ws = path.join(tmp, 'ws');
    cpSync(SAMPLE, ws, { recursive: true });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'sample');
    branch('price', () => replaceIn('catalog/living.yaml', '    list_price: 12999\n', '    list_price: 14299\n'));
    branch('added', () =>
      writeFileSync(
        path.join(ws, 'partners/online.yaml'),
        '# 新渠道\npartners:\n  - id: PTN-CH-云集\n    name: 云集家居旗舰店\n    type: channel\n    regions: [RGN-EAST]\n    tier: D\n    status: active\n    owner: PER-NOBODY\n',
      ),
    );
    branch('removed', () => unlinkSync(path.join(ws, 'projects/east-618-promotion.md')));
    branch('renamed', () => {
      for (const f of ['projects/east-618-promotion.md', 'plans/2026/east.yaml', 'finance/expenses-2026-h1.yaml'])
        replaceIn(f, /PRJ-EAST-618-PROMO/g, 'PRJ-EAST-618-2026');
    });
    branch('moved', () => {
      const channels = path.join(ws, 'partners/channels.yaml');
      const text = readFileSync(channels, 'utf8');
      const start = text.indexOf('  - id: PTN-CH-ORBIT');
      const end = text.indexOf('  - id: PTN-CH-WESTLAKE');
      writeFileSync(channels, text.slice(0, start) + text.slice(end));
      writeFileSync(path.join(ws, 'partners/online.yaml'), `# Online marketplaces.\npartners:\n${text.slice(start, end).trimEnd()}\n`);
    });
    branch('body', () =>
      replaceIn(
        'standards/STD-SVC-001-customer-service.md',
        'the terms of the colour and materials chapter of the brand manual',
        'the terms of the materials chapter of the brand manual',
      ),
    );
    branch('broken', () => replaceIn('catalog/living.yaml', '    list_price: 12999\n', '    list_price: [12999\n'));
    branch('config', () => replaceIn('opsbook.yaml', '  partner.tier: [A, B, C]', '  partner.tier: [A, B]'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('a price change: same output as two full loads, and the one-load path is taken', async () => {
    const text = await assertSameAsFull('main', 'price');
    assert.match(text, /list_price/);
    assert.equal(await tookFastPath('main', 'price'), true);
  });

  it('an added file with its own mistakes (unknown tier, unknown owner): the new findings are listed as introduced', async () => {
    const text = await assertSameAsFull('main', 'added');
    assert.match(text, /Introduced by this change: 2 problems\n.*partners\/online\.yaml:7:11 .*vocab\/unknown\n.*partners\/online\.yaml:9:12 .*ref\/missing/);
    assert.equal(await tookFastPath('main', 'added'), true);
    // And the other way round: the file's removal resolves them.
    await assertSameAsFull('added', 'main');
  });

  it('a removed file', async () => {
    const text = await assertSameAsFull('main', 'removed');
    assert.match(text, /PRJ-EAST-618-PROMO/);
    assert.equal(await tookFastPath('main', 'removed'), true);
  });

  it('a renamed id with the references that follow it', async () => {
    const text = await assertSameAsFull('main', 'renamed');
    assert.match(text, /PRJ-EAST-618-2026/);
    assert.equal(await tookFastPath('main', 'renamed'), true);
  });

  it('an entity moved to another file', async () => {
    const text = await assertSameAsFull('main', 'moved');
    assert.match(text, /PTN-CH-ORBIT/);
    assert.equal(await tookFastPath('main', 'moved'), true);
  });

  it('a Markdown body change', async () => {
    await assertSameAsFull('main', 'body');
    assert.equal(await tookFastPath('main', 'body'), true);
  });

  it('a file that no longer parses on one side', async () => {
    await assertSameAsFull('main', 'broken');
    await assertSameAsFull('broken', 'main');
  });

  it('a configuration change falls back to loading both sides in full, with the same output', async () => {
    assert.equal(await tookFastPath('main', 'config'), false);
    await assertSameAsFull('main', 'config');
  });

  it('several changes at once, against the working tree with an uncommitted edit and an untracked file', async () => {
    git('checkout', '-q', 'renamed');
    try {
      replaceIn('catalog/living.yaml', '    list_price: 12999\n', '    list_price: 9999\n');
      writeFileSync(path.join(ws, 'partners/online.yaml'), '# 草稿\npartners:\n  - id: PTN-草稿\n    name: 草稿渠道\n    type: channel\n    status: 草稿\n');
      assert.equal(await tookFastPath('main', undefined), true);
      const text = await assertSameAsFull('main', undefined);
      assert.match(text, /PTN-草稿/);
      assert.match(text, /PRJ-EAST-618-2026/);
    } finally {
      git('checkout', '-q', '--', '.');
      rmSync(path.join(ws, 'partners/online.yaml'), { force: true });
      git('checkout', '-q', 'main');
    }
  });
});
