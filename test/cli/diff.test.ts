import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { GitError, validateRevision } from '../../src/node/git';
import { gitIn, replaceIn } from './gitRepo';

const git = (cwd: string, ...args: string[]): string => gitIn(cwd, tmp, ...args);

const SAMPLE = path.resolve(__dirname, '../../samples/lumen-oak');
const GOLDEN = path.resolve(__dirname, '../golden/diff.md');
const TODAY = '2026-06-15';

let tmp: string;

async function opsbook(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/**
 * The review scenario on a copy of the sample: a price rise, an approved standard's clause
 * reworded without a version bump, a partner moved to another file, a project id renamed
 * together with the references to it.
 */
function applyScenario(ws: string): void {
  replaceIn(path.join(ws, 'catalog/living.yaml'), '    list_price: 12999\n', '    list_price: 14299\n');
  replaceIn(
    path.join(ws, 'standards/STD-SVC-001-customer-service.md'),
    'the terms of the colour and materials chapter of the brand manual',
    'the terms of the materials chapter of the brand manual',
  );
  const channels = path.join(ws, 'partners/channels.yaml');
  const text = readFileSync(channels, 'utf8');
  const start = text.indexOf('  - id: PTN-CH-ORBIT');
  const end = text.indexOf('  - id: PTN-CH-WESTLAKE');
  writeFileSync(channels, text.slice(0, start) + text.slice(end));
  writeFileSync(path.join(ws, 'partners/online.yaml'), `# Online marketplaces.\npartners:\n${text.slice(start, end).trimEnd()}\n`);
  for (const f of ['projects/east-618-promotion.md', 'plans/2026/east.yaml', 'finance/expenses-2026-h1.yaml'])
    replaceIn(path.join(ws, f), /PRJ-EAST-618-PROMO/g, 'PRJ-EAST-618-2026');
}

describe('cli: opsbook diff on a git repository', function () {
  this.timeout(60_000);
  let repo: string;
  let ws: string;

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'opsbook-diff-'));
    writeFileSync(path.join(tmp, 'gitconfig'), '');
    repo = path.join(tmp, 'repo');
    // The workspace sits in a sub-folder, so revision paths must be read relative to it.
    ws = path.join(repo, 'ops');
    mkdirSync(repo);
    writeFileSync(path.join(repo, 'README.md'), 'repository root\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'before the workspace');
    git(repo, 'tag', 'before-ops');
    cpSync(SAMPLE, ws, { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Lumen & Oak sample');
    git(repo, 'checkout', '-q', '-b', 'feature');
    applyScenario(ws);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'scenario');
    git(repo, 'checkout', '-q', '-b', 'bumped');
    replaceIn(path.join(ws, 'standards/STD-SVC-001-customer-service.md'), 'version: 3.2.0', 'version: 3.2.1');
    git(repo, 'commit', '-q', '-am', 'bump');
    git(repo, 'checkout', '-q', 'feature');
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports the scenario as JSON and exits 1 on the unbumped standard', async () => {
    const r = await opsbook(ws, 'diff', 'main', 'feature', '--format', 'json', '--today', TODAY);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    const j = JSON.parse(r.stdout);
    assert.equal(j.base, 'main');
    assert.equal(j.head, 'feature');
    assert.match(j.baseCommit, /^[0-9a-f]{40}$/);
    const brief = j.changes.map((c: { kind: string; id: string; change: string }) => `${c.kind} ${c.id} ${c.change}`);
    assert.deepEqual(brief, [
      'expense EXP-2026-0014 modified',
      'expense EXP-2026-0017 modified',
      'expense EXP-2026-0018 modified',
      'expense EXP-2026-0019 modified',
      'partner PTN-CH-ORBIT moved',
      'plan PLN-2026-EAST modified',
      'product SKU-1001 modified',
      'project PRJ-EAST-618-2026 renamed',
      'standard STD-SVC-001 modified',
    ]);
    const byId = (id: string) => j.changes.find((c: { id: string }) => c.id === id);
    assert.deepEqual(byId('SKU-1001').fields, [{ path: 'list_price', before: 12999, after: 14299, change: 'changed', delta: 1300, percent: 10 }]);
    assert.equal(byId('SKU-1001').file, 'catalog/living.yaml');
    assert.deepEqual(byId('SKU-1001').approvers, ['PER-HE-JING']);
    const std = byId('STD-SVC-001');
    assert.deepEqual(std.fields, []);
    assert.deepEqual(
      std.sections.map((s: { heading: string; change: string; clause: string }) => [s.heading, s.change, s.clause]),
      [['3.2 Explain materials honestly', 'changed', '3.2']],
    );
    assert.deepEqual(std.sections[0].excerpt, ['… using the terms of the [-colour and-] materials chapter of the brand …']);
    assert.deepEqual(std.review, ['review/version-not-bumped', 'review/approval-stale']);
    assert.deepEqual(std.approvers, ['PER-CHEN-YU', 'PER-MA-QIAN']);
    assert.deepEqual(
      [byId('PTN-CH-ORBIT').file, byId('PTN-CH-ORBIT').previousFile, byId('PTN-CH-ORBIT').fields],
      ['partners/online.yaml', 'partners/channels.yaml', []],
    );
    assert.deepEqual([byId('PRJ-EAST-618-2026').previousId, byId('PRJ-EAST-618-2026').fields], ['PRJ-EAST-618-PROMO', []]);
    assert.deepEqual(
      byId('PLN-2026-EAST').fields.map((f: { path: string; followsRename?: unknown }) => [f.path, !!f.followsRename]),
      [['objectives[OBJ-EAST-REVENUE].initiatives[INI-EAST-618].project', true]],
    );
    assert.deepEqual(
      j.diagnostics.map((d: { ruleId: string; severity: string; file: string; line: number; source: string }) => [
        d.ruleId,
        d.severity,
        d.file,
        d.line,
        d.source,
      ]),
      [
        ['review/version-not-bumped', 'error', 'standards/STD-SVC-001-customer-service.md', 6, 'review'],
        ['review/approval-stale', 'warning', 'standards/STD-SVC-001-customer-service.md', 8, 'review'],
      ],
    );
    assert.deepEqual(
      j.approvers.map((a: { id: string; github?: string }) => [a.id, a.github ?? null]),
      [
        ['PER-CHEN-YU', 'chenyu-ops'],
        ['PER-HE-JING', null],
        ['PER-MA-QIAN', null],
        ['PER-TANG-WEI', 'tangwei-lo'],
        ['PER-WANG-LEI', null],
      ],
    );
    assert.deepEqual(j.parseErrors, []);
  });

  it('prints the markdown PR comment (golden file; UPDATE_GOLDEN=1 rewrites it)', async () => {
    const r = await opsbook(ws, 'diff', 'main', 'feature', '--format', 'markdown', '--today', TODAY);
    assert.equal(r.code, 1);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(GOLDEN)) {
      mkdirSync(path.dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, r.stdout);
    }
    assert.equal(r.stdout, readFileSync(GOLDEN, 'utf8'));
    assert.match(r.stdout, /\*\*Oslo 3-seat sofa, oatmeal linen\*\* \(SKU-1001\) — list\\_price 12999 → 14299 \(\+1300, \+10\.0%\)/);
    assert.match(r.stdout, /\*\*Customer service standard\*\* \(STD-SVC-001\) — clause 3\.2 reworded, \*\*version not bumped\*\*/);
  });

  it("passes once the standard's version is bumped (approval-stale stays a warning)", async () => {
    const r = await opsbook(ws, 'diff', 'main', 'bumped', '--format', 'json', '--today', TODAY);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(
      j.diagnostics.map((d: { ruleId: string }) => d.ruleId),
      ['review/approval-stale'],
    );
    assert.deepEqual(j.changes.find((c: { id: string }) => c.id === 'STD-SVC-001').version, { before: '3.2.0', after: '3.2.1' });
  });

  it('compares with the working tree by default, and reads revisions without touching it', async () => {
    const file = path.join(ws, 'standards/STD-SVC-001-customer-service.md');
    const text = await opsbook(ws, 'diff', 'main', '--today', TODAY);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^opsbook diff main → working tree: 9 changes \(7 modified, 1 moved, 1 renamed\)/);
    assert.match(text.stdout, /list_price 12999 → 14299 \(\+1300, \+10\.0%\)/);
    replaceIn(file, 'version: 3.2.0', 'version: 3.3.0');
    try {
      assert.equal((await opsbook(ws, 'diff', 'main', '--format', 'json', '--today', TODAY)).code, 0);
      assert.equal((await opsbook(ws, 'diff', 'main', 'feature', '--format', 'json', '--today', TODAY)).code, 1);
    } finally {
      git(repo, 'checkout', '--', 'ops/standards/STD-SVC-001-customer-service.md');
    }
    assert.equal(git(repo, 'status', '--porcelain'), '');
  });

  it('treats a base revision without the workspace folder as empty: everything is added', async () => {
    const r = await opsbook(ws, 'diff', 'before-ops', 'main', '--format', 'json', '--today', TODAY);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.stdout);
    assert.equal(j.summary.added, j.changes.length);
    assert.ok(j.changes.some((c: { id: string; change: string }) => c.id === 'STD-SVC-001' && c.change === 'added'));
    assert.ok(j.approvers.some((a: { id: string }) => a.id === 'PER-CHEN-YU'));
  });

  it('exits 2 with a clear message for a missing revision', async () => {
    const r = await opsbook(ws, 'diff', 'no-such-branch', '--format', 'json');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /revision "no-such-branch" was not found in this repository: fetch it first/);
  });

  it('refuses revisions that git could read as options', async () => {
    const asOption = await opsbook(ws, 'diff', '--upload-pack=x');
    assert.equal(asOption.code, 2);
    const asRevision = await opsbook(ws, 'diff', '--', '--upload-pack=x');
    assert.equal(asRevision.code, 2);
    assert.match(asRevision.stderr, /revision "--upload-pack=x" is not allowed: revisions must not start with "-"/);
    assert.throws(() => validateRevision('-x'), GitError);
    assert.throws(() => validateRevision('main\nHEAD'), GitError);
    assert.throws(() => validateRevision('main\u0000'), GitError);
    assert.doesNotThrow(() => validateRevision('origin/main~2'));
  });

  it('explains how to fetch the base in a shallow clone, and works once both revisions are there', async () => {
    const clone = path.join(tmp, 'shallow');
    git(tmp, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, clone);
    const cloneWs = path.join(clone, 'ops');
    const missing = await opsbook(cloneWs, 'diff', 'origin/main');
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /revision "origin\/main" was not found in this repository: this is a shallow clone: fetch the base first \(git fetch --no-tags --depth=1 origin main\)/,
    );
    git(clone, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', 'main:refs/remotes/origin/main');
    const r = await opsbook(cloneWs, 'diff', 'origin/main', '--format', 'json', '--today', TODAY);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout).changes.length, 9);
  });

  it('exits 2 outside a git repository', async () => {
    const plain = path.join(tmp, 'plain');
    cpSync(path.join(SAMPLE, 'org'), path.join(plain, 'org'), { recursive: true });
    const r = await opsbook(plain, 'diff', 'main');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not inside a git repository/);
  });

  it('prints CODEOWNERS lines for the people with a github handle', async () => {
    const r = await opsbook(ws, 'codeowners');
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('/ops/standards/**/*.md @chenyu-ops'), r.stdout);
    assert.ok(lines.includes('/ops/brand/**/*.md @chenyu-ops'));
    assert.ok(lines.includes('# /ops/catalog/**/*.yaml (no approver with a github handle)'));
    assert.ok(lines.includes('/ops/partners/channels.yaml @tangwei-lo @linhui-gz'), r.stdout);
    assert.ok(lines.includes('/ops/standards/STD-VM-003-visual-display.md @chenyu-ops @xuting-vm'));
    assert.ok(lines.includes('#   PER-HE-JING (He Jing)'));
    assert.ok(!lines.some((l) => !l.startsWith('#') && l.trim() !== '' && !/^\/ops\/\S+( @[\w-]+)+$/.test(l)), r.stdout);
  });
});
