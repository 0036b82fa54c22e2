import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openWorkspace } from '../../src/core/engine';
import type { SearchHit } from '../../src/core/search/types';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';
import { cli, isUsageError, LUMEN, REPO, TODAY } from './run';

async function search(query: string, ...extra: string[]): Promise<{ query: string; total: number; results: SearchHit[] }> {
  const r = await cli(['search', query, ...LUMEN, '--format', 'json', ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as { query: string; total: number; results: SearchHit[] };
}

function lineOf(file: string, line: number): string {
  return readFileSync(path.join(REPO, 'samples/lumen-oak', file), 'utf8').split('\n')[line - 1] ?? '';
}

async function lumen() {
  return (
    await openWorkspace({
      fs: new NodeWorkspaceFs(path.join(REPO, 'samples/lumen-oak')),
      builtinPacks: builtinPacks(),
      clock: () => '2026-06-15',
      today: '2026-06-15',
    })
  ).workspace;
}

describe('cli search on lumen-oak', function () {
  this.timeout(30000);

  it('json shape: query, total, results best first with id, kind, title, file, line, score, snippet', async () => {
    const res = await search('stockroom');
    assert.deepEqual(Object.keys(res), ['query', 'total', 'results']);
    assert.equal(res.query, 'stockroom');
    assert.ok(res.total >= res.results.length && res.results.length > 0);
    for (const h of res.results) {
      assert.deepEqual(Object.keys(h).sort(), ['file', 'id', 'kind', 'line', 'score', 'snippet', 'title']);
      assert.ok(existsSync(path.join(REPO, 'samples/lumen-oak', h.file)), h.file);
      assert.ok(Number.isInteger(h.line) && h.line >= 1);
      assert.equal(typeof h.score, 'number');
    }
    const scores = res.results.map((h) => h.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      'best first',
    );
  });

  it('a word in a standard body: the standards that use it, at the line where it occurs', async () => {
    const res = await search('stockroom');
    assert.ok(res.results.some((h) => h.id === 'STD-OPS-002'));
    assert.equal(res.results[0]?.kind, 'standard');
    for (const h of res.results.filter((x) => x.kind === 'standard')) {
      assert.match(lineOf(h.file, h.line), /stockroom/i, `${h.file}:${h.line}`);
      assert.match(h.snippet, /stockroom/i);
    }
  });

  it('typo tolerance: "stokroom" still finds STD-OPS-002', async () => {
    const res = await search('stokroom');
    assert.ok(
      res.results.some((h) => h.id === 'STD-OPS-002'),
      JSON.stringify(res.results.map((h) => h.id)),
    );
  });

  it('kind:partner: every partner and nothing else', async () => {
    const ws = await lumen();
    const partners = ws.entities('partner').length;
    assert.ok(partners >= 20);
    const res = await search('kind:partner', '--limit', '100');
    assert.equal(res.total, partners);
    assert.equal(res.results.length, partners);
    assert.ok(res.results.every((h) => h.kind === 'partner' && h.id.startsWith('PTN-')));
    const limited = await search('kind:partner');
    assert.equal(limited.results.length, 20, 'default limit 20');
    assert.equal(limited.total, partners);
  });

  it('list_price:>10000: exactly the products above 10,000', async () => {
    const ws = await lumen();
    const expected = ws
      .entities('product')
      .filter((p) => typeof p.data['list_price'] === 'number' && (p.data['list_price'] as number) > 10000)
      .map((p) => p.id)
      .sort();
    assert.ok(expected.length > 0);
    const res = await search('list_price:>10000', '--limit', '100');
    assert.deepEqual(res.results.map((h) => h.id).sort(), expected);
    assert.equal(res.total, expected.length);
  });

  it('--kind filters like kind:', async () => {
    const res = await search('renewal', '--kind', 'partner');
    assert.ok(res.results.length > 0);
    assert.ok(res.results.every((h) => h.kind === 'partner'));
  });

  it('text output and usage errors', async () => {
    const r = await cli(['search', 'stockroom', ...LUMEN]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^standards\/STD-OPS-002-opening-closing\.md:\d+ {2}standard {2}STD-OPS-002 {2}Store opening and closing procedure$/m);
    assert.match(r.stdout, /\n\d+ results?\n$/);
    isUsageError(await cli(['search', ...LUMEN]), /a query is required/);
    isUsageError(await cli(['search', 'x', ...LUMEN, '--limit', '0']), /--limit must be a whole number/);
    isUsageError(await cli(['search', 'x', ...LUMEN, '--format', 'sarif']), /--format must be text or json/);
  });
});

describe('cli tree on lumen-oak', function () {
  this.timeout(30000);

  interface Money {
    budget?: number;
    allocated: number;
    spent: number;
  }
  interface PlanJson {
    id: string;
    file: string;
    line: number;
    money: Money;
    rollup: Money;
    attainment?: number;
    objectives: {
      id: string;
      kpis: { id: string; target?: number; actual?: number; attainment?: number; contributors: string[]; contributorsTarget?: number }[];
      initiatives: { id: string; budget?: number }[];
    }[];
    children: PlanJson[];
  }

  it('--format json: the company plan with budget, allocated, attainment and its regional plans', async () => {
    const r = await cli(['tree', ...LUMEN, '--format', 'json']);
    assert.equal(r.code, 0);
    const tree = JSON.parse(r.stdout) as { version: number; today: string; plans: PlanJson[] };
    assert.equal(tree.version, 1);
    assert.equal(tree.today, '2026-06-15');
    assert.deepEqual(
      tree.plans.map((p) => p.id),
      ['PLN-2026-COMPANY'],
    );
    const co = tree.plans[0] as PlanJson;
    assert.equal(co.file, 'plans/2026/company.yaml');
    assert.equal(co.line, 5);
    assert.deepEqual(
      co.children.map((c) => c.id),
      ['PLN-2026-EAST', 'PLN-2026-NORTH', 'PLN-2026-SOUTH'],
    );
    // Budget and allocation: the company's own initiatives, then with the regional plans.
    assert.equal(co.money.budget, 24_000_000);
    const own = co.objectives.flatMap((o) => o.initiatives).reduce((s, i) => s + (i.budget ?? 0), 0);
    assert.equal(own, 1_800_000 + 2_200_000 + 600_000 + 450_000);
    assert.equal(co.money.allocated, own);
    assert.equal(co.rollup.allocated, own + co.children.reduce((s, c) => s + c.money.allocated, 0));
    assert.equal(co.rollup.allocated, 16_720_000);
    assert.deepEqual(
      co.children.map((c) => [c.money.budget, c.money.allocated]),
      [
        [7_500_000, 4_480_000],
        [4_500_000, 2_570_000],
        [6_000_000, 4_620_000],
      ],
    );
    // Attainment: mean of the objectives', each the mean of its KPIs'.
    const revenue = co.objectives[0]?.kpis.find((k) => k.id === 'KPI-CO-REVENUE');
    assert.ok(revenue);
    assert.ok(Math.abs((revenue.attainment ?? 0) - 167_000_000 / 360_000_000) < 1e-12);
    assert.deepEqual(revenue.contributors, ['KPI-EAST-REVENUE', 'KPI-NORTH-REVENUE', 'KPI-SOUTH-REVENUE']);
    assert.equal(revenue.contributorsTarget, 360_000_000, 'regional revenue targets add up to the company target');
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const objectives = co.objectives.map((o) => mean(o.kpis.map((k) => k.attainment).filter((x): x is number => x !== undefined)));
    assert.ok(Math.abs((co.attainment ?? 0) - mean(objectives)) < 1e-12);
    assert.ok(Math.abs((co.attainment ?? 0) - 0.7819) < 1e-4, String(co.attainment));
  });

  it('--format json: a forecast per KPI with a series and the burn per plan with a budget', async () => {
    const r = await cli(['tree', ...LUMEN, '--format', 'json']);
    const tree = JSON.parse(r.stdout) as { plans: (PlanJson & { burn?: Record<string, unknown> })[] };
    const co = tree.plans[0]!;
    type Forecasted = {
      id: string;
      forecast?: { value: number; ratio?: number; method: string; source: string; trend?: string; from: string; through: string };
    };
    const revenue = co.objectives[0]?.kpis.find((k) => k.id === 'KPI-CO-REVENUE') as Forecasted;
    // 167,000,000 summed from the three regions' January–May actuals, over 151 days, × 365.
    assert.ok(Math.abs((revenue.forecast?.value ?? 0) - (167_000_000 * 365) / 151) < 1e-3);
    assert.deepEqual(
      [revenue.forecast?.method, revenue.forecast?.source, revenue.forecast?.trend, revenue.forecast?.from, revenue.forecast?.through],
      ['run-rate', 'contributors', 'up', '2026-01', '2026-05'],
    );
    const noSeries = co.objectives[0]?.kpis.find((k) => k.id === 'KPI-CO-NEW-STORES') as Forecasted;
    assert.equal(noSeries.forecast, undefined, 'no series, no forecast');
    const { months, ...burn } = co.burn as { months: unknown[] } & Record<string, unknown>;
    assert.equal(months.length, 12);
    assert.deepEqual(Object.keys(burn), ['budget', 'spent', 'expenses', 'spentShare', 'expectedShare', 'method']);
    assert.equal(burn['method'], 'phasing');
    // H1 carries 45 % of the budget: 166 of H1's 181 days gone on 2026-06-15.
    assert.ok(Math.abs((burn['expectedShare'] as number) - (0.45 * 166) / 181) < 1e-12);
  });

  it('text output names plans, objectives, KPIs and initiatives by title, id in parentheses', async () => {
    const r = await cli(['tree', ...LUMEN]);
    assert.equal(r.code, 0);
    // Money, percents and the as-of date read as in the Plans view, the dashboard and the report (one voice).
    assert.match(r.stdout, /^Plans as of June 15, 2026 \(pace: the time elapsed in each period\)\n\n/);
    assert.match(
      r.stdout,
      /^Lumen & Oak company plan 2026 \(PLN-2026-COMPANY\) {2}\[RGN-HQ · 2026 · approved \| attainment 78\.2% \| budget CN¥24,000,000 \| allocated CN¥5,050,000/m,
    );
    assert.match(r.stdout, /^│? *[├└]─ East China plan 2026 \(PLN-2026-EAST\) {2}\[/m);
    assert.match(
      r.stdout,
      /^│ {2}├─ KPI Retail net revenue \(all channels\) \(KPI-CO-REVENUE\) {2}target CN¥360,000,000 {2}actual CN¥167,000,000 {2}46\.4% {2}✔ on track {2}forecast CN¥403,675,497 \(112\.1%\) ↗ by run rate$/m,
    );
  });
});

describe('cli new and init (temp copies)', function () {
  this.timeout(30000);
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsbook-new-'));
    cpSync(path.join(REPO, 'samples/lumen-oak'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const at = (...args: string[]) => ['--root', dir, ...TODAY, ...args];

  it('new standard: creates the file from the template; it checks clean except its reference placeholders', async () => {
    const r = await cli(['new', 'standard', ...at('--id', 'STD-GIFT-007', '--title', 'Gift wrapping: "premium" and standard')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Created standards/std-gift-007.md (standard STD-GIFT-007).\n');
    const text = readFileSync(path.join(dir, 'standards/std-gift-007.md'), 'utf8');
    assert.match(text, /^---\nid: "STD-GIFT-007"\ntitle: "Gift wrapping: \\"premium\\" and standard"\n/);
    const check = await cli(['check', ...at('--format', 'json')]);
    const report = JSON.parse(check.stdout) as { diagnostics: { file: string; ruleId: string; message: string }[] };
    const mine = report.diagnostics.filter((d) => d.file === 'standards/std-gift-007.md');
    assert.ok(mine.length >= 1);
    for (const d of mine) {
      assert.equal(d.ruleId, 'ref/missing');
      assert.match(d.message, /"PER-OWNER"/, 'only the placeholder owner is unresolved');
    }
    assert.equal(report.diagnostics.length, 8 + mine.length, 'nothing else changed');
  });

  it('new without --id: creates the document with the next free id and prints it', async () => {
    const r = await cli(['new', 'standard', ...at('--title', 'Tea service')]);
    assert.equal(r.code, 0, r.stderr);
    // The standards share one counter across their topic codes; the highest is STD-MALL-006.
    assert.equal(r.stdout, 'Next free standard id: STD-MALL-007\nCreated standards/std-mall-007.md (standard STD-MALL-007).\n');
    assert.match(readFileSync(path.join(dir, 'standards/std-mall-007.md'), 'utf8'), /^---\nid: "STD-MALL-007"\ntitle: "Tea service"\n/);
    const again = await cli(['new', 'standard', ...at()]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^Next free standard id: STD-MALL-008\n/);
  });

  it('new without --id follows kinds.<kind>.idPattern', async () => {
    const config = path.join(dir, 'opsbook.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nkinds:\n  standard:\n    idPattern: "^STD-SVC-\\\\d{3}$"\n`);
    const r = await cli(['new', 'standard', ...at()]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Next free standard id: STD-SVC-002\nCreated standards\/std-svc-002\.md/);
  });

  it('new without --id never proposes an id held by an entry a syntax error keeps from being read', async () => {
    const config = path.join(dir, 'opsbook.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nkinds:\n  partner:\n    idPattern: "^P-\\\\d{4}$"\n`);
    writeFileSync(
      path.join(dir, 'partners/供应商.yaml'),
      'partners:\n  - id: P-0008\n    name: 明茶\n    type: supplier\n    status: active\n  - id: P-0010\n    name: 云南: 茶园\n    type: supplier\n    status: active\n  - id: P-0009\n    name: 冷链\n    type: supplier\n    status: active\n',
    );
    const r = await cli(['new', 'partner', ...at()]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Next free partner id: P-0011\n/);
  });

  it('new refuses an id that already exists', async () => {
    const r = await cli(['new', 'standard', ...at('--id', 'STD-SVC-001')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /standard STD-SVC-001 already exists in standards\/STD-SVC-001-customer-service\.md:\d+/);
    assert.equal(r.stdout, '');
  });

  it('new never overwrites an existing file', async () => {
    const target = path.join(dir, 'standards/STD-SVC-001-customer-service.md');
    const before = readFileSync(target, 'utf8');
    const mtime = statSync(target).mtimeMs;
    const r = await cli(['new', 'standard', ...at('--id', 'STD-NEW-001', '--out', 'standards/STD-SVC-001-customer-service.md')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /already exists; nothing was written/);
    assert.equal(readFileSync(target, 'utf8'), before);
    assert.equal(statSync(target).mtimeMs, mtime);
    assert.deepEqual(readdirTmp(path.join(dir, 'standards')), [], 'no temporary file left behind');
  });

  it('new rejects --out outside the root (path traversal)', async () => {
    isUsageError(await cli(['new', 'standard', ...at('--id', 'STD-NEW-001', '--out', '../x.md')]), /--out \.\.\/x\.md: must be inside the workspace root/);
    assert.equal(existsSync(path.join(dir, '..', 'x.md')), false);
    isUsageError(await cli(['new', 'standard', ...at('--id', 'STD-NEW-001', '--out', 'standards/../../y.md')]), /must be inside the workspace root/);
    isUsageError(await cli(['new', 'standard', ...at('--id', 'STD-NEW-001', '--out', 'notes.txt')]), /must end in \.md, \.yaml or \.yml/);
  });

  it("new accepts an id in any script (ids are the company's own) and names the file after it", async () => {
    const r = await cli(['new', 'standard', ...at('--id', '规范-卫生-01', '--title', '门店卫生标准')]);
    assert.equal(r.code, 0, r.stderr);
    const file = path.join(dir, 'standards', '规范-卫生-01.md');
    assert.ok(existsSync(file), r.stdout);
    assert.match(readFileSync(file, 'utf8'), /^id: "?规范-卫生-01"?$/m);
    rmSync(file);
  });

  it('new: usage errors', async () => {
    isUsageError(await cli(['new', 'widget', ...at('--id', 'W-1')]), /unknown kind "widget"/);
    isUsageError(await cli(['new', 'project', ...at()]), /--id is required: no project id in use has a number to continue \(e\.g\. PRJ-/);
    isUsageError(await cli(['new', 'standard', ...at('--id', '../evil')]), /--id must start with a letter or digit, without spaces/);
    isUsageError(await cli(['new', 'standard', ...at('--id', 'STD 9')]), /--id must start with a letter or digit, without spaces/);
    isUsageError(await cli(['new', 'person', ...at('--id', 'PER-NEW')]), /keeps its entries in one file .*pass --out FILE/);
  });

  it('init writes a commented opsbook.yaml once, which loads cleanly, and refuses the second time', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'opsbook-init-'));
    try {
      const first = await cli(['init', empty]);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /^Created .*opsbook\.yaml\.\n$/);
      const text = readFileSync(path.join(empty, 'opsbook.yaml'), 'utf8');
      assert.match(text, /^# /, 'commented');
      const { configProblems } = await openWorkspace({ fs: new NodeWorkspaceFs(empty), builtinPacks: builtinPacks(), clock: () => '2026-06-15' });
      assert.deepEqual(configProblems, [], 'the written configuration is valid');
      const second = await cli(['init', empty]);
      isUsageError(second, /opsbook\.yaml already exists; nothing was written \(use --force to overwrite it\)/);
      assert.equal(readFileSync(path.join(empty, 'opsbook.yaml'), 'utf8'), text);
      assert.deepEqual(readdirTmp(empty), []);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

function readdirTmp(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

describe('cli --help', () => {
  for (const command of ['check', 'search', 'tree', 'new', 'init']) {
    it(`${command} --help exits 0 with its usage`, async () => {
      const r = await cli([command, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: opsbook ${command}`));
      assert.equal(r.stderr, '');
    });
  }

  it('opsbook --help lists every command; no command is a usage error', async () => {
    const r = await cli(['--help']);
    assert.equal(r.code, 0);
    for (const c of ['check', 'search', 'tree', 'new', 'init']) assert.match(r.stdout, new RegExp(`^ {2}${c} `, 'm'));
    assert.equal((await cli([])).code, 2);
    assert.equal((await cli(['--version'])).code, 0);
  });
});
