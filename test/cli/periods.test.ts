import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cli } from './run';

// A bakery chain whose fiscal year starts in July, with one monthly and one fiscal plan.
const FILES: Record<string, string> = {
  'opsbook.yaml': 'opsbook: 1\nfiscalYearStart: 7\n',
  'org/regions.yaml': 'regions:\n  - id: RGN-CD\n    name: 成都\n',
  'org/people.yaml': 'people:\n  - id: PER-A07\n    name: 赵敏\n    role: store-manager\n    region: RGN-CD\n',
  'plans/fy.yaml': `id: PLN-CD-FY26H1
title: 成都 FY2026 上半年
region: RGN-CD
period: FY2026-H1
owner: PER-A07
status: approved
objectives:
  - id: OBJ-CD-1
    title: 新店
    initiatives:
      - id: INI-CD-1
        title: 春熙路店开业
        status: planned
        due: 2027-01-15
`,
  'plans/month.yaml': `id: PLN-CD-202609
title: 成都九月
region: RGN-CD
period: 2026-09
owner: PER-A07
status: draft
`,
};

describe('cli: monthly and fiscal periods', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsbook-periods-'));
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const at = (...args: string[]) => [...args, '--root', dir, '--today', '2026-09-10'];

  it('check: FY2026-H1 from July runs to December, so an initiative due 2027-01-15 is outside it', async () => {
    const r = await cli(at('check', '--format', 'json'));
    const report = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; ruleId: string; message: string }[] };
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`),
      ['plans/fy.yaml:14 plan/due-outside-period'],
    );
    assert.match(report.diagnostics[0]?.message ?? '', /period FY2026-H1 \(2026-07-01 – 2026-12-31\)/);
  });

  it('tree prints each period as the company wrote it', async () => {
    const r = await cli(at('tree'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^成都九月 \(PLN-CD-202609\) {2}\[RGN-CD · 2026-09 · draft/m);
    assert.match(r.stdout, /^成都 FY2026 上半年 \(PLN-CD-FY26H1\) {2}\[RGN-CD · FY2026-H1 · approved/m);
  });

  it('search compares periods by their days, fiscal ones from July', async () => {
    const r = await cli(at('search', 'kind:plan period:<=FY2026-Q1', '--format', 'json'));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { results: { id: string }[] }).results.map((h) => h.id),
      ['PLN-CD-202609'],
    );
  });
});
