import { strict as assert } from 'node:assert';
import { expectedShare } from '../../src/core/forecast/burn';
import { explainForecast } from '../../src/core/forecast/explain';
import { attainment, forecastSeries } from '../../src/core/forecast/forecast';
import { kpiSeries, seriesActual, sumSeries } from '../../src/core/forecast/series';
import { parsePeriod } from '../../src/core/period/parse';

const year2026 = parsePeriod('2026')!;
const close = (actual: number | undefined, expected: number, what = '') =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-6, `${what} ${actual} ≈ ${expected}`);

describe('forecast: KPI series', () => {
  it('reads actuals in time order, calendar and fiscal keys alike, and skips keys that are not periods', () => {
    const s = kpiSeries({ '2026-03': 3, FY2025: 9, '2026-01': 1, 'FY2026-M01': 4, march: 7, '2026-02': 'x' }, 4);
    assert.deepEqual(
      s.map((p) => `${p.period} ${p.start}`),
      ['FY2025 2025-04-01', '2026-01 2026-01-01', '2026-03 2026-03-01', 'FY2026-M01 2026-04-01'],
    );
  });

  it('derives actual as the sum for additive units and as the latest value for levels', () => {
    const s = kpiSeries({ '2026-01': 10, '2026-03': 14, '2026-02': 12 }, 1);
    assert.equal(seriesActual(s, true), 36);
    assert.equal(seriesActual(s, false), 14);
    assert.equal(seriesActual([], true), undefined);
  });

  it('sums contributors by the days of their periods: 2026-04 and FY2026-M01 (April start) are one month', () => {
    const a = kpiSeries({ '2026-04': 100, '2026-05': 50 }, 4);
    const b = kpiSeries({ 'FY2026-M01': 20, 'FY2026-M03': 5 }, 4);
    assert.deepEqual(
      sumSeries([a, b]).map((p) => `${p.period}=${p.value}`),
      ['2026-04=120', '2026-05=50', 'FY2026-M03=5'],
    );
  });
});

describe('forecast: run rate for additive units', () => {
  it('Jan–May at 100 a month, today 2026-06-15: 500 over 151 days × 365 days = 1,208.61', () => {
    const f = forecastSeries(kpiSeries({ '2026-01': 100, '2026-02': 100, '2026-03': 100, '2026-04': 100, '2026-05': 100 }, 1), year2026, '2026-06-15', true)!;
    assert.equal(f.method, 'run-rate');
    assert.equal(f.coveredThrough, '2026-05-31');
    assert.equal(f.coveredDays, 151);
    assert.equal(f.remainingDays, 214);
    close(f.value, (500 * 365) / 151);
    assert.equal(f.trend, 'flat');
  });

  it('a month still running counts to today (partial month): Jan–May 100 and June 50 to the 15th = 550 × 365 / 166', () => {
    const f = forecastSeries(
      kpiSeries({ '2026-01': 100, '2026-02': 100, '2026-03': 100, '2026-04': 100, '2026-05': 100, '2026-06': 50 }, 1),
      year2026,
      '2026-06-15',
      true,
    )!;
    assert.equal(f.coveredThrough, '2026-06-15');
    assert.equal(f.coveredDays, 166);
    close(f.value, (550 * 365) / 166);
    assert.equal(f.trend, 'flat', 'the month-to-date figure is left out of the trend');
  });

  it('a month boundary: on the last day of May, May is complete (151 days), on June 1 June is running', () => {
    const s = kpiSeries({ '2026-05': 310 }, 1);
    assert.equal(forecastSeries(s, parsePeriod('2026-Q2')!, '2026-05-31', true)!.coveredThrough, '2026-05-31');
    const june = kpiSeries({ '2026-04': 300, '2026-05': 310, '2026-06': 10 }, 1);
    const f = forecastSeries(june, parsePeriod('2026-Q2')!, '2026-06-01', true)!;
    assert.equal(f.coveredDays, 62);
    close(f.value, (620 * 91) / 62);
  });

  it('a fiscal year starting in April: FY2026-M01…M03 at 100, today 2026-07-15, over 2026-04-01 – 2027-03-31 = 300 × 365 / 91', () => {
    const fy = parsePeriod('FY2026', 4)!;
    assert.deepEqual([fy.start, fy.end], ['2026-04-01', '2027-03-31']);
    const f = forecastSeries(kpiSeries({ 'FY2026-M01': 100, 'FY2026-M02': 100, 'FY2026-M03': 100, '2026-03': 999 }, 4), fy, '2026-07-15', true)!;
    assert.equal(f.points, 3, 'March 2026 lies before the fiscal year and is left out');
    assert.equal(f.coveredDays, 91);
    close(f.value, (300 * 365) / 91);
  });

  it('a complete period forecasts what it holds', () => {
    const f = forecastSeries(kpiSeries({ '2026-Q1': 40, '2026-Q2': 60 }, 1), parsePeriod('2026-H1')!, '2026-09-01', true)!;
    assert.equal(f.remainingDays, 0);
    assert.equal(f.value, 100);
  });
});

describe('forecast: trend for levels', () => {
  it('10, 12, 14 % in Jan–Mar: +2 a month, read at mid-December = 10 + 2 × 11 = 32', () => {
    const f = forecastSeries(kpiSeries({ '2026-01': 10, '2026-02': 12, '2026-03': 14 }, 1), year2026, '2026-04-10', false, '%')!;
    assert.equal(f.method, 'trend');
    close(f.rate, 2);
    close(f.value, 32);
    assert.equal(f.trend, 'up');
    close(attainment(40, f.value, 'up'), 0.8);
  });

  it('a percentage is clamped at 100 and a level at 0, saying from what', () => {
    const up = forecastSeries(kpiSeries({ '2026-01': 80, '2026-02': 90, '2026-03': 100 }, 1), year2026, '2026-04-10', false, '%')!;
    assert.equal(up.value, 100);
    close(up.clampedFrom, 190);
    const down = forecastSeries(kpiSeries({ '2026-01': 9, '2026-02': 6, '2026-03': 3 }, 1), year2026, '2026-04-10', false, 'days')!;
    assert.equal(down.value, 0);
    close(down.clampedFrom, 10.5 - 3 * 11.5);
    assert.match(explainForecast(down, 'days', String), /clamped to 0$/);
  });

  it('direction down: days to restock 30, 28, 26 forecast 8 (target 10 reached); 10, 12, 14 forecast 32 (target 20: 62.5 %)', () => {
    const better = forecastSeries(kpiSeries({ '2026-01': 30, '2026-02': 28, '2026-03': 26 }, 1), year2026, '2026-04-10', false, 'days')!;
    close(better.value, 8);
    close(attainment(10, better.value, 'down'), 1.25);
    const worse = forecastSeries(kpiSeries({ '2026-01': 10, '2026-02': 12, '2026-03': 14 }, 1), year2026, '2026-04-10', false, 'days')!;
    close(attainment(20, worse.value, 'down'), 0.625);
  });

  it('quarterly levels in a fiscal year: Q1 60, Q2 66 → +2 a month, read at the middle of the last quarter (x = 10.5) = 57 + 2 × 10.5 = 78', () => {
    const f = forecastSeries(kpiSeries({ 'FY2026-Q1': 60, 'FY2026-Q2': 66 }, 4), parsePeriod('FY2026', 4)!, '2026-10-05', false, 'score')!;
    close(f.rate, 2);
    close(f.value, 78);
  });

  it('one value is held flat', () => {
    const f = forecastSeries(kpiSeries({ '2026-02': 4.6 }, 1), year2026, '2026-03-10', false, 'score')!;
    assert.equal(f.value, 4.6);
    assert.equal(f.trend, undefined);
    assert.equal(explainForecast(f, 'score', String), 'trend: one value (2026-02), held flat = 4.6');
  });
});

describe('forecast: expected budget burn', () => {
  it('quarterly phasing 10/20/30/40, on 2026-06-15: 10 % + 20 % × 76/91 days of Q2 = 26.70 %', () => {
    const e = expectedShare(year2026, { '2026-Q1': 10, '2026-Q2': 20, '2026-Q3': 30, '2026-Q4': 40 }, '2026-06-15', 1)!;
    assert.equal(e.method, 'phasing');
    close(e.share, 0.1 + (0.2 * 76) / 91);
  });

  it('shares are relative: 0.1/0.2/0.3/0.4 reads like 10/20/30/40', () => {
    const e = expectedShare(year2026, { '2026-Q1': 0.1, '2026-Q2': 0.2, '2026-Q3': 0.3, '2026-Q4': 0.4 }, '2026-06-30', 1)!;
    close(e.share, 0.3);
  });

  it('without phasing, the elapsed share of the period: 166 / 365 on 2026-06-15; fiscal quarters from April', () => {
    close(expectedShare(year2026, undefined, '2026-06-15', 1)!.share, 166 / 365);
    const fy = parsePeriod('FY2026', 4)!;
    const e = expectedShare(fy, { 'FY2026-Q1': 1, 'FY2026-Q2': 1, 'FY2026-Q3': 1, 'FY2026-Q4': 1 }, '2026-07-31', 4)!;
    close(e.share, 0.25 + (0.25 * 31) / 92);
  });
});
