import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildWebview, cli, tempDir } from './helpers';

describe('opsbook report (command)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => buildWebview());
  beforeEach(() => {
    dir = tempDir('opsbook-report-cmd-');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const report = (out: string, ...extra: string[]) => cli(['report', '--root', 'samples/lumen-oak', '--today', '2026-06-15', '--out', out, ...extra]);

  it('writes index.html, dashboard.js, dashboard.css and data.js into a new folder', async () => {
    const out = path.join(dir, 'a', 'b');
    const res = await report(out);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^Wrote .*index\.html \(4 files, \d+ KB\) as of 2026-06-15 in \d+ ms\n$/);
    assert.deepEqual(readdirSync(out).sort(), ['dashboard.css', 'dashboard.js', 'data.js', 'index.html']);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    assert.match(html, /Data as of June 15, 2026 · generated /);
    assert.doesNotMatch(html, /https?:\/\//); // no network
    assert.doesNotMatch(readFileSync(path.join(out, 'dashboard.js'), 'utf8'), /sourceMappingURL/);
  });

  it('overwrites its own files and leaves everything else alone', async () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    assert.equal((await report(dir)).code, 0);
    assert.equal((await report(dir, '--title', 'Second run')).code, 0);
    assert.match(readFileSync(path.join(dir, 'index.html'), 'utf8'), /Opsbook dashboard — Second run/);
    assert.equal(readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'keep me');
    assert.deepEqual(readdirSync(dir).sort(), ['dashboard.css', 'dashboard.js', 'data.js', 'index.html', 'notes.txt']);
  });

  it('refuses to overwrite an index.html it did not write, and changes nothing', async () => {
    writeFileSync(path.join(dir, 'index.html'), '<h1>my page</h1>');
    const res = await report(dir);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /index\.html was not written by "opsbook report"; refusing to overwrite it/);
    assert.equal(readFileSync(path.join(dir, 'index.html'), 'utf8'), '<h1>my page</h1>');
    assert.deepEqual(readdirSync(dir), ['index.html']);
  });

  it('refuses to write through a symbolic link', async () => {
    const elsewhere = path.join(dir, 'elsewhere.js');
    writeFileSync(elsewhere, '/* opsbook-report data */');
    mkdirSync(path.join(dir, 'out'));
    symlinkSync(elsewhere, path.join(dir, 'out', 'data.js'));
    const res = await report(path.join(dir, 'out'));
    assert.equal(res.code, 2);
    assert.match(res.stderr, /data\.js exists and is not a regular file/);
    assert.equal(readFileSync(elsewhere, 'utf8'), '/* opsbook-report data */');
  });

  it('needs --out, and explains itself with --help', async () => {
    const missing = await cli(['report', '--root', 'samples/lumen-oak']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--out DIR is required/);
    const help = await cli(['report', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: opsbook report --out DIR \[options\]/);
    assert.match(help.stdout, /--today YYYY-MM-DD/);
    const file = path.join(dir, 'file');
    writeFileSync(file, 'x');
    assert.equal((await report(file)).code, 2);
    assert.ok(!existsSync(path.join(dir, 'index.html')));
  });
});
