import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { kpiHover } from '../../src/vscode/language/kpiHover';
import { openMem } from '../core/memfs';
import { NOODLE } from '../core/noodleStores';
import { TEA } from '../core/teaChain';

const plain = (s: string) => s;

describe('KPI hover: attainment, pace and forecast together, with the method', function () {
  this.timeout(20000);
  afterEach(() => l10n.config({ contents: {} }));

  it('a company KPI summed from its regions: 200,000 + 99,000 cups = 29.9 %; run rate 290,000 × 365 / 122 days = 867,623 (86.8 %)', async () => {
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    assert.equal(
      kpiHover(workspace, 'K-CUPS', 'plans/fy2026/company.yaml', plain),
      [
        '**Target** 1,000,000 杯 · **Actual** 299,000 杯 (sum of contributing KPIs)',
        '**Attainment** 29.9% · **Pace** off track for the time elapsed in the period, as of August 20, 2026',
        '$(graph-line) forecast 867,623 杯 (86.8%) ↗ by run rate',
        '**How** run rate: 290,000 杯 in 122 days to 2026-07-31 (4 periods, FY2026-M01 … FY2026-M04 summed from contributing KPIs HD-CUPS, HN-CUPS) = 2,377.05 a day, over 365 days = 867,622.95',
      ].join('  \n'),
    );
  });

  it('a level reads its trend (86, 87, 88, 89 → +1 a month, 97 by March); a count that should go down is judged downwards (120 / 107.7 = 111.4 %, shown as 108 次)', async () => {
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    const csat = kpiHover(workspace, 'HD-CSAT', 'plans/fy2026/hd.yaml', plain) ?? '';
    assert.match(
      csat,
      /\$\(graph-line\) forecast 97 分 \(107\.8%\) ↗ by trend {2}\n\*\*How\*\* trend: least-squares line through 4 values \(FY2026-M01 … FY2026-M04\), \+1 a month/,
    );
    const complaints = kpiHover(workspace, 'HN-KS', 'plans/fy2026/hn.yaml', plain) ?? '';
    assert.match(complaints, /^\*\*Target\*\* 120 次 · \*\*Actual\*\* 38 次 {2}\n/);
    assert.match(complaints, /\$\(graph-line\) forecast 108 次 \(111\.4%\) ↗ by run rate/);
  });

  it('a store KPI in fiscal months: 240,000 CNY in 91 days (April–June) → 962,637 (80.2 %) by run rate', async () => {
    const { workspace } = await openMem(NOODLE, { today: '2026-07-15' });
    assert.equal(
      kpiHover(workspace, 'MD02-YYE', 'plans/fy2026/md-02.yaml', plain)?.split('  \n').slice(0, 3).join('\n'),
      [
        '**Target** CN¥1,200,000 · **Actual** CN¥240,000',
        '**Attainment** 20.0% · **Pace** off track for the time elapsed in the period, as of July 15, 2026',
        '$(graph-line) forecast CN¥962,637 (80.2%) ↘ by run rate',
      ].join('\n'),
    );
  });

  it('says why there is no forecast when a contributing store has no figures by period', async () => {
    const files = { ...NOODLE, 'plans/fy2026/md-02.yaml': (NOODLE['plans/fy2026/md-02.yaml'] as string).replace(/ {8}actuals: \{ FY2026-M01: 80000.*\n/, '') };
    const { workspace } = await openMem(files, { today: '2026-07-15' });
    assert.equal(
      kpiHover(workspace, 'XN-YYE', 'plans/fy2026/xinan.yaml', plain),
      '**Target** CN¥2,400,000  \nNo forecast: the KPI has no actuals by period (actuals: {month: value}).',
    );
  });

  it('in Simplified Chinese with the zh-cn bundle; every value goes through the Markdown escaper', async () => {
    l10n.config({ contents: JSON.parse(readFileSync(path.join(__dirname, '../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string> });
    const { workspace } = await openMem(TEA, { today: '2026-08-20' });
    const md = kpiHover(workspace, 'K-CUPS', 'plans/fy2026/company.yaml', (s) => `‹${s}›`) ?? '';
    const lines = md.split('  \n');
    assert.equal(lines.length, 4);
    assert.match(lines[0] as string, /^\*\*‹目标›\*\* ‹1,000,000 杯› · \*\*‹实际›\*\* ‹299,000 杯 \(.+\)›$/);
    assert.match(lines[2] as string, /^\$\(graph-line\) ‹.*867,623 杯.*86\.8%.*›$/);
    assert.doesNotMatch(md, /Target|Actual|Attainment|Pace|forecast/);
  });
});
