import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cli, isUsageError, REPO } from './run';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'opsbook-infer-'));
}

function write(dir: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
}

describe('cli init --infer', function () {
  this.timeout(60000);
  let dir = '';
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a commented configuration for a folder never configured and prints what it inferred and why', async () => {
    write(dir, {
      'org/people.yaml':
        'people:\n  - { id: FL-0042, name: Ada, role: designer, region: EU, instagram: "@ada" }\n  - { id: FL-0043, name: Tom, role: buyer, region: EU, instagram: "@tom" }\n',
      'org/regions.yaml': 'regions:\n  - { id: EU, name: Europe }\n',
      'data/boutiques.yaml': 'boutiques:\n  - { id: B-PARIS, name: Paris Marais, manager: FL-0042 }\n',
    });
    const r = await cli(['init', dir, '--infer']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const text = readFileSync(path.join(dir, 'opsbook.yaml'), 'utf8');
    assert.ok(
      text.includes(
        '  boutique:  # 1 record under boutiques: in data/boutiques.yaml\n    files: data/boutiques.yaml\n    layout: list\n    listKey: boutiques\n    title: name\n',
      ),
      text,
    );
    assert.ok(text.includes('      instagram: { type: string }  # text in all 2 records of org/people.yaml\n'), text);
    assert.ok(text.includes('  - { kind: boutique, path: manager, target: person }  # person ids in 1 value of data/boutiques.yaml\n'), text);
    assert.match(
      r.stdout,
      /^Read 3 files \(4 records\)\.\nInferred:\n {2}kind boutique \(list, title: name\): 1 record under boutiques: in data\/boutiques\.yaml\n/,
    );
    assert.match(r.stdout, /\nWrote .*opsbook\.yaml\. Run opsbook check to see the remaining problems\.\n$/);
    // The written file is a valid configuration: check runs with it (exit 0 or 1, never 2).
    const check = await cli(['check', '--root', dir, '--today', '2026-06-15', '--no-cache']);
    assert.notEqual(check.code, 2, check.stderr);
  });

  it('refuses to overwrite an existing opsbook.yaml without --force (exit 2, file unchanged)', async () => {
    write(dir, { 'opsbook.yaml': 'opsbook: 1\n', 'data/stores.yaml': 'stores:\n  - { id: S1, name: One }\n' });
    isUsageError(await cli(['init', dir, '--infer']), /opsbook\.yaml already exists; nothing was written \(use --force to overwrite it\)/);
    assert.equal(readFileSync(path.join(dir, 'opsbook.yaml'), 'utf8'), 'opsbook: 1\n');
  });

  it('with --force, overwrites it, inferring from the files and not from the old configuration', async () => {
    write(dir, {
      'opsbook.yaml': 'opsbook: 1\nkinds:\n  store: { files: data/stores.yaml, layout: list }\n',
      'data/stores.yaml': 'stores:\n  - { id: S1, name: One }\n',
    });
    const r = await cli(['init', dir, '--infer', '--force']);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(path.join(dir, 'opsbook.yaml'), 'utf8');
    // `store` is an ops-pack kind: the file outside its folder is added to the kind's files.
    assert.match(
      text,
      /^ {2}store: {2}# 1 record under stores: in data\/stores\.yaml, outside the pack's folders\n {4}files: \[org\/stores\.yaml, data\/stores\.yaml\]$/m,
    );
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('with --force, keeps the fiscal year, locale, fixed date, rules and review of the file it replaces', async () => {
    write(dir, {
      'opsbook.yaml':
        'fiscalYearStart: 4\nlocale: en-GB\ntoday: 2026-06-15\nkinds:\n  boutique: { files: old.yaml }\nrules:\n  partner/contract-expiring: { severity: warning, days: 90 }\nreview:\n  - kinds: [product]\n    approvers: [FL-0001]\n',
      'plans/fy26.yaml':
        'id: PLAN-FY26\ntitle: Nordics FY2026\nperiod: FY2026\nstatus: approved\nobjectives:\n  - id: OBJ-1\n    title: Sales\n    initiatives:\n      - { id: INI-1, title: Trunk show, due: 2026-03-15, status: planned }\n',
    });
    const r = await cli(['init', dir, '--infer', '--force']);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(path.join(dir, 'opsbook.yaml'), 'utf8');
    assert.match(text, /^today: 2026-06-15 {2}# kept from the previous opsbook\.yaml$/m);
    assert.match(text, /^fiscalYearStart: 4 {2}# kept from the previous opsbook\.yaml$/m);
    assert.match(text, /^locale: en-GB {2}# kept from the previous opsbook\.yaml$/m);
    assert.match(text, /^rules:\n {2}partner\/contract-expiring:\n {4}severity: warning\n {4}days: 90$/m);
    assert.match(text, /^review:\n {2}- kinds:\n {6}- product\n {4}approvers:\n {6}- FL-0001$/m);
    assert.doesNotMatch(text, /boutique|old\.yaml/, 'kinds are inferred anew, not kept');
    // The kept fiscal year still counts: March 2026 is outside FY2026 when it starts in April.
    const check = await cli(['check', '--root', dir, '--format', 'json', '--no-cache']);
    const report = JSON.parse(check.stdout) as { diagnostics: { file: string; line: number; ruleId: string }[] };
    assert.deepEqual(
      report.diagnostics.filter((d) => d.ruleId.startsWith('plan/')).map((d) => `${d.file}:${d.line} ${d.ruleId}`),
      ['plans/fy26.yaml:9 plan/due-outside-period'],
    );
  });

  it('is a usage error for a folder that does not exist', async () => {
    isUsageError(await cli(['init', path.join(dir, 'nope'), '--infer']), /no such folder/);
  });
});

/**
 * The Chinese sample's configuration is exactly what `init --infer` writes: copied without its
 * opsbook.yaml, inferred again, compared byte for byte.
 */
describe('samples/maitian-bakery: opsbook.yaml is what init --infer writes', function () {
  this.timeout(60000);
  it('reproduces the committed opsbook.yaml byte for byte', async () => {
    const dir = tempDir();
    try {
      cpSync(path.join(REPO, 'samples/maitian-bakery'), dir, { recursive: true });
      rmSync(path.join(dir, 'opsbook.yaml'));
      const r = await cli(['init', '--root', dir, '--infer']);
      assert.equal(r.code, 0, r.stderr);
      const committed = readFileSync(path.join(REPO, 'samples/maitian-bakery/opsbook.yaml'), 'utf8');
      assert.equal(readFileSync(path.join(dir, 'opsbook.yaml'), 'utf8'), committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
