import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BROKEN, cli, isUsageError, LUMEN, REPO } from './run';
import { SPEC_RULES } from '../core/specRules';

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  ruleId: string;
  message: string;
  entity?: string;
}

interface JsonReport {
  version: number;
  root: string;
  files: number;
  entities: number;
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; infos: number };
}

async function json(args: string[]): Promise<{ code: number; report: JsonReport }> {
  const r = await cli(['check', ...args, '--format', 'json']);
  assert.equal(r.stderr, '');
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
}

const key = (d: { file: string; line: number; ruleId: string }) => `${d.file}:${d.line} ${d.ruleId}`;

/** The `| file | line | rule | what is wrong |` table of samples/broken/README.md. */
function readmeTable(): { file: string; line: number; ruleId: string; what: string }[] {
  const text = readFileSync(path.join(REPO, 'samples/broken/README.md'), 'utf8');
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^\|\s*file\s*\|\s*line\s*\|\s*rule\s*\|\s*what is wrong\s*\|\s*$/.test(l));
  assert.ok(header !== -1, 'README has the | file | line | rule | what is wrong | table');
  assert.match(lines[header + 1] ?? '', /^\|(\s*-+\s*\|){4}\s*$/);
  const rows: { file: string; line: number; ruleId: string; what: string }[] = [];
  for (const l of lines.slice(header + 2)) {
    if (!l.startsWith('|')) break;
    const cells = l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    assert.equal(cells.length, 4, l);
    const [file, line, ruleId, what] = cells as [string, string, string, string];
    assert.match(line, /^\d+$/, l);
    rows.push({ file, line: Number(line), ruleId, what });
  }
  return rows;
}

describe('cli check on samples/', function () {
  this.timeout(30000);

  it('lumen-oak: exit 0 with exactly its 8 known findings', async () => {
    const { code, report } = await json(LUMEN);
    assert.equal(code, 0);
    assert.deepEqual(report.diagnostics.map(key), [
      'inventory/east.yaml:9 inventory/below-reorder',
      'inventory/north.yaml:14 inventory/below-reorder',
      'inventory/south.yaml:16 inventory/below-reorder',
      'org/people.yaml:256 training/missing-required',
      'org/people.yaml:272 training/missing-required',
      'partners/media.yaml:22 partner/contract-expiring',
      'projects/north-sanlitun-windows.md:10 project/overdue',
      'projects/south-cobrand-popup.md:12 project/over-budget',
    ]);
    assert.deepEqual(report.summary, { errors: 0, warnings: 7, infos: 1 });
  });

  it('broken: exit 1 and exactly the findings of its README table', async () => {
    const { code, report } = await json(BROKEN);
    assert.equal(code, 1);
    const table = readmeTable();
    assert.deepEqual(report.diagnostics.map(key).sort(), table.map(key).sort());
    assert.deepEqual(report.diagnostics.map(key), table.map(key), 'the table is in the engine order');
    for (const row of table) assert.ok(row.what.length > 10, `a description for ${key(row)}`);
  });

  it('broken: one defect for every rule id of SPEC §3.4', () => {
    const rules = new Set(readmeTable().map((r) => r.ruleId));
    assert.deepEqual(
      SPEC_RULES.filter((r) => !rules.has(r)),
      [],
    );
    const counts = new Map<string, number>();
    for (const r of readmeTable()) counts.set(r.ruleId, (counts.get(r.ruleId) ?? 0) + 1);
    // Reported more than once by design: at both duplicates, at both members of the loop. The
    assert.deepEqual([...counts].filter(([, n]) => n > 1).sort(), [
      ['id/duplicate', 2],
      ['ref/cycle', 2],
    ]);
  });

  it('broken: the text output lists every documented defect at its line', async () => {
    const r = await cli(['check', ...BROKEN]);
    assert.equal(r.code, 1);
    for (const row of readmeTable())
      assert.match(r.stdout, new RegExp(`^${row.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${row.line}:\\d+ +\\w+ +.+ ${row.ruleId}$`, 'm'), key(row));
  });
});

describe('cli check: output formats', function () {
  this.timeout(30000);

  it('json: the stable SPEC §4 shape', async () => {
    const { report } = await json(BROKEN);
    assert.deepEqual(Object.keys(report), ['version', 'root', 'files', 'entities', 'diagnostics', 'summary']);
    assert.equal(report.version, 1);
    assert.equal(report.root, 'samples/broken');
    assert.ok(report.files >= 46 && report.entities > 200);
    for (const d of report.diagnostics) {
      for (const k of ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message'] as const)
        assert.ok(d[k] !== undefined, `${k} in ${JSON.stringify(d)}`);
      assert.ok(
        Object.keys(d).every((k) =>
          ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'entity', 'related', 'suggestions'].includes(k),
        ),
        Object.keys(d).join(),
      );
      assert.ok(!d.file.startsWith('/') && !d.file.includes('\\'), 'posix paths relative to the root');
      assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column));
    }
    const count = (s: string) => report.diagnostics.filter((d) => d.severity === s).length;
    assert.deepEqual(report.summary, { errors: count('error'), warnings: count('warning'), infos: count('info') });
    assert.deepEqual(report.summary, { errors: 22, warnings: 12, infos: 2 });
    const refMissing = report.diagnostics.find((d) => d.ruleId === 'ref/missing') as JsonDiagnostic & { suggestions?: string[] };
    assert.equal(refMissing.entity, 'PRJ-CO-POS-ROLLOUT');
    assert.deepEqual(refMissing.suggestions?.[0], 'PTN-SUP-TILLPOINT');
  });

  it('sarif: version 2.1.0, one result per finding', async () => {
    const r = await cli(['check', ...BROKEN, '--format', 'sarif']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0]!;
    assert.equal(run.tool.driver.name, 'opsbook');
    assert.equal(run.results.length, 36);
    for (const res of run.results) {
      assert.equal(run.tool.driver.rules[res.ruleIndex]?.id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
    }
    const { report } = await json(BROKEN);
    assert.deepEqual(
      run.results.map((x) => `${x.locations[0]?.physicalLocation.artifactLocation.uri}:${x.locations[0]?.physicalLocation.region.startLine} ${x.ruleId}`),
      report.diagnostics.map(key),
    );
  });

  it('github: one workflow command per finding', async () => {
    const r = await cli(['check', ...BROKEN, '--format', 'github']);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 36);
    for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::\S.*$/);
    assert.ok(
      lines.includes(
        '::error file=projects/hq-pos-rollout.md,line=14,col=12,endLine=14,endColumn=28,title=ref/missing::project PRJ-CO-POS-ROLLOUT: partners[] "PTN-SUP-TILPOINT" names no partner. Did you mean "PTN-SUP-TILLPOINT"?',
      ),
    );
    assert.ok(
      lines.some((l) => l.startsWith('::notice file=partners/media.yaml,line=22,')),
      'infos are notices',
    );
  });

  it('text: ESLint-like lines and a summary line', async () => {
    const lumen = await cli(['check', ...LUMEN]);
    const { report } = await json(LUMEN);
    assert.match(
      lumen.stdout,
      /^inventory\/east\.yaml:9:31 {2}warning {2}INV-EAST-2026-06: SKU-1003 has 2 on hand, below its reorder point of 4; reorder {2}inventory\/below-reorder$/m,
    );
    assert.equal(lumen.stdout.trimEnd().split('\n').pop(), `⚠ 8 problems (0 errors, 7 warnings, 1 info) in ${report.files} files`);
    const broken = await cli(['check', ...BROKEN]);
    const b = (await json(BROKEN)).report;
    assert.equal(broken.stdout.trimEnd().split('\n').pop(), `✖ 36 problems (22 errors, 12 warnings, 2 infos) in ${b.files} files`);
  });

  it('--quiet: errors only', async () => {
    const lumen = await cli(['check', ...LUMEN, '--quiet']);
    assert.equal(lumen.code, 0);
    assert.match(lumen.stdout, /^\n?✔ no problems in \d+ files \(\d+ entities\)\n$/);
    const broken = await json([...BROKEN, '--quiet']);
    assert.equal(broken.code, 1);
    assert.equal(broken.report.diagnostics.length, 22);
    assert.ok(broken.report.diagnostics.every((d) => d.severity === 'error'));
  });

  it('--max-warnings: exit 1 above the limit, 0 within it', async () => {
    const over = await cli(['check', ...LUMEN, '--max-warnings', '3']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /7 warnings, more than --max-warnings 3/);
    assert.equal((await cli(['check', ...LUMEN, '--max-warnings', '20'])).code, 0);
    assert.equal((await cli(['check', ...LUMEN, '--max-warnings', '7'])).code, 0);
    isUsageError(await cli(['check', ...LUMEN, '--max-warnings', 'many']), /--max-warnings must be a whole number/);
  });
});

describe('cli check: usage and configuration errors exit 2 with a clear message', function () {
  this.timeout(30000);

  it('a bad --format', async () =>
    isUsageError(await cli(['check', ...LUMEN, '--format', 'xml']), /^opsbook check: --format must be text, json, sarif or github, got "xml"\n$/));
  it('an unknown flag', async () => isUsageError(await cli(['check', ...LUMEN, '--bogus']), /^opsbook check: Unknown option '--bogus'\n$/));
  it('a bad --today', async () =>
    isUsageError(await cli(['check', '--root', 'samples/lumen-oak', '--today', '2026-02-30']), /--today must be a date YYYY-MM-DD, got "2026-02-30"/));
  it('a missing --root folder', async () =>
    isUsageError(await cli(['check', '--root', 'samples/nope', '--today', '2026-06-15']), /--root samples\/nope: no such folder/));
  it('an unknown command', async () => isUsageError(await cli(['chekc']), /unknown command "chekc"/));
  it('a --config outside the root or missing', async () => {
    isUsageError(await cli(['check', ...LUMEN, '--config', '../../package.json']), /--config .*must be inside the root/);
    isUsageError(await cli(['check', ...LUMEN, '--config', 'nope.yaml']), /--config nope.yaml: file not found/);
  });

  describe('a broken opsbook.yaml (temp folder)', () => {
    let dir = '';
    beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'opsbook-cfg-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('invalid YAML: exit 2 naming the file and line', async () => {
      writeFileSync(path.join(dir, 'opsbook.yaml'), 'opsbook: 1\npacks: [ops\n  - x\nrules: {}\n');
      const r = await cli(['check', '--root', dir, '--today', '2026-06-15']);
      // Configuration problems are diagnostics: `check` prints them in its format (stdout), exit 2.
      assert.equal(r.code, 2);
      assert.match(r.stdout, /^opsbook\.yaml:[2-4]:\d+ {2}error {4}\S.* {2}config\/invalid$/m);
      isUsageError(
        await cli(['tree', '--root', dir, '--today', '2026-06-15']),
        /configuration problems:\n {2}opsbook\.yaml:[2-4]:\d+ {2}error {2}\S.* {2}config\/invalid/,
      );
    });

    it('an unknown key: exit 2 naming the line', async () => {
      writeFileSync(path.join(dir, 'opsbook.yaml'), 'opsbook: 1\npacks: [ops]\nincldue: ["**/*.md"]\n');
      const r = await cli(['check', '--root', dir, '--today', '2026-06-15']);
      assert.equal(r.code, 2);
      assert.match(r.stdout, /^opsbook\.yaml:3:1 {2}error {4}incldue: unknown key "incldue"/m);
    });

    it('a bad severity: exit 2 naming the line', async () => {
      writeFileSync(path.join(dir, 'opsbook.yaml'), 'rules:\n  ref/missing: fatal\n');
      const r = await cli(['check', '--root', dir, '--today', '2026-06-15', '--format', 'json']);
      assert.equal(r.code, 2);
      const d = (JSON.parse(r.stdout) as { diagnostics: { line: number; column: number; message: string }[] }).diagnostics[0];
      assert.deepEqual([d?.line, d?.column], [2, 16]);
      assert.match(d?.message ?? '', /^rules\.ref\/missing: must be one of/);
    });

    it('no opsbook.yaml at all: the ops defaults', async () => {
      writeFileSync(path.join(dir, 'x.md'), '# Just a note\n');
      const r = await cli(['check', '--root', dir, '--today', '2026-06-15']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /✔ no problems in 1 file \(0 entities\)/);
    });
  });
});
