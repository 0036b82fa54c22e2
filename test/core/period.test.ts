import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { comparePeriods, elapsedShare, periodWithin, spanCompare, spanOf } from '../../src/core/period/order';
import { PERIOD_PATTERN, fiscalStartMonth, isPeriod, parsePeriod, periodLabel, periodRange } from '../../src/core/period/parse';

const range = (text: string, fys?: number): string => {
  const r = periodRange(text, fys);
  return r ? `${r.start}…${r.end}` : 'none';
};

describe('periods: calendar forms', () => {
  it('should date a year, its halves and quarters', () => {
    assert.equal(range('2026'), '2026-01-01…2026-12-31');
    assert.equal(range('2026-H1'), '2026-01-01…2026-06-30');
    assert.equal(range('2026-H2'), '2026-07-01…2026-12-31');
    assert.equal(range('2026-Q1'), '2026-01-01…2026-03-31');
    assert.equal(range('2026-Q2'), '2026-04-01…2026-06-30');
    assert.equal(range('2026-Q3'), '2026-07-01…2026-09-30');
    assert.equal(range('2026-Q4'), '2026-10-01…2026-12-31');
  });

  it('should date a calendar month YYYY-MM with its real last day', () => {
    assert.equal(range('2026-06'), '2026-06-01…2026-06-30');
    assert.equal(range('2026-01'), '2026-01-01…2026-01-31');
    assert.equal(range('2026-12'), '2026-12-01…2026-12-31');
    assert.equal(range('2026-04'), '2026-04-01…2026-04-30');
  });

  it('should end February on the 29th in leap years only (2000 and 2024 yes, 1900, 2100 and 2026 no)', () => {
    assert.equal(range('2024-02'), '2024-02-01…2024-02-29');
    assert.equal(range('2000-02'), '2000-02-01…2000-02-29');
    assert.equal(range('1900-02'), '1900-02-01…1900-02-28');
    assert.equal(range('2100-02'), '2100-02-01…2100-02-28');
    assert.equal(range('2026-02'), '2026-02-01…2026-02-28');
    assert.equal(range('2024-Q1'), '2024-01-01…2024-03-31');
  });

  it('should not depend on fiscalYearStart', () => {
    for (const fys of [1, 4, 7, 10]) {
      assert.equal(range('2026', fys), '2026-01-01…2026-12-31');
      assert.equal(range('2026-Q2', fys), '2026-04-01…2026-06-30');
      assert.equal(range('2026-06', fys), '2026-06-01…2026-06-30');
    }
  });

  it('should describe what it parsed', () => {
    assert.deepEqual(parsePeriod('2026-Q3'), { text: '2026-Q3', fiscal: false, unit: 'quarter', year: 2026, index: 3, start: '2026-07-01', end: '2026-09-30' });
    assert.deepEqual(parsePeriod('2026-07'), { text: '2026-07', fiscal: false, unit: 'month', year: 2026, index: 7, start: '2026-07-01', end: '2026-07-31' });
  });
});

describe('periods: fiscal forms', () => {
  it('should start FY2026 in calendar 2026 at fiscalYearStart 4 (April to March)', () => {
    assert.equal(range('FY2026', 4), '2026-04-01…2027-03-31');
    assert.equal(range('FY2026-H1', 4), '2026-04-01…2026-09-30');
    assert.equal(range('FY2026-H2', 4), '2026-10-01…2027-03-31');
    assert.equal(range('FY2026-Q1', 4), '2026-04-01…2026-06-30');
    assert.equal(range('FY2026-Q2', 4), '2026-07-01…2026-09-30');
    assert.equal(range('FY2026-Q3', 4), '2026-10-01…2026-12-31');
    assert.equal(range('FY2026-Q4', 4), '2027-01-01…2027-03-31');
    assert.equal(range('FY2026-M01', 4), '2026-04-01…2026-04-30');
    assert.equal(range('FY2026-M09', 4), '2026-12-01…2026-12-31');
    assert.equal(range('FY2026-M10', 4), '2027-01-01…2027-01-31');
    assert.equal(range('FY2026-M12', 4), '2027-03-01…2027-03-31');
  });

  it('should equal the calendar year at fiscalYearStart 1 (the default)', () => {
    assert.equal(range('FY2026'), '2026-01-01…2026-12-31');
    assert.equal(range('FY2026', 1), '2026-01-01…2026-12-31');
    assert.equal(range('FY2026-Q3', 1), '2026-07-01…2026-09-30');
    assert.equal(range('FY2026-M02', 1), '2026-02-01…2026-02-28');
  });

  it('should count from July and from October', () => {
    assert.equal(range('FY2026', 7), '2026-07-01…2027-06-30');
    assert.equal(range('FY2026-H2', 7), '2027-01-01…2027-06-30');
    assert.equal(range('FY2026-Q2', 7), '2026-10-01…2026-12-31');
    assert.equal(range('FY2026-M12', 7), '2027-06-01…2027-06-30');
    assert.equal(range('FY2026', 10), '2026-10-01…2027-09-30');
    assert.equal(range('FY2026-Q1', 10), '2026-10-01…2026-12-31');
    assert.equal(range('FY2026-Q2', 10), '2027-01-01…2027-03-31');
    assert.equal(range('FY2026-M03', 10), '2026-12-01…2026-12-31');
    assert.equal(range('FY2026-M04', 10), '2027-01-01…2027-01-31');
  });

  it('should end a fiscal February on the 29th when it falls in a leap year', () => {
    assert.equal(range('FY2023-M11', 4), '2024-02-01…2024-02-29');
    assert.equal(range('FY2023-Q4', 4), '2024-01-01…2024-03-31');
    assert.equal(range('FY2024-M11', 4), '2025-02-01…2025-02-28');
    assert.equal(range('FY2023-H2', 10), '2024-04-01…2024-09-30');
    assert.equal(range('FY2023-M05', 10), '2024-02-01…2024-02-29');
  });

  it('should treat an unusable fiscalYearStart as January rather than fail', () => {
    assert.equal(fiscalStartMonth(4), 4);
    for (const bad of [0, 13, 4.5, -1, Number.NaN, '4', undefined]) assert.equal(fiscalStartMonth(bad), 1, String(bad));
    assert.equal(range('FY2026-Q1', 13), '2026-01-01…2026-03-31');
  });

  it('should refuse a fiscal year whose end falls after 9999', () => {
    assert.equal(range('FY9999', 1), '9999-01-01…9999-12-31');
    assert.equal(range('FY9999', 4), 'none');
    assert.equal(range('FY9999-Q1', 4), '9999-04-01…9999-06-30');
  });
});

describe('periods: invalid input', () => {
  const invalid = [
    '2026-13',
    '2026-00',
    'FY26',
    'FY202',
    '2026-Q5',
    '2026-Q0',
    '2026-H3',
    'FY2026-M13',
    'FY2026-M00',
    'FY2026-M1',
    'FY2026-Q5',
    'FY2026-06',
    '2026-M01',
    'fy2026',
    '2026-q1',
    ' 2026',
    '2026 ',
    '26',
    '20261',
    '2026-1',
    '2026-006',
    '2026-06-01',
    'FY-2026',
    'FY 2026',
    '２０２６',
    '',
    '2026年6月',
  ];
  for (const text of invalid) {
    it(`should reject ${JSON.stringify(text)}`, () => {
      assert.equal(parsePeriod(text, 4), undefined);
      assert.equal(isPeriod(text), false);
    });
  }

  it('should reject what is not a string (an unquoted YAML year is a number)', () => {
    for (const v of [2026, null, undefined, {}, ['2026'], new Date('2026-01-01')]) assert.equal(parsePeriod(v), undefined);
  });

  it('should accept every valid form', () => {
    for (const text of ['2026', '2026-H1', '2026-Q4', '2026-01', '2026-12', 'FY2026', 'FY2026-H2', 'FY2026-Q1', 'FY2026-M01', 'FY2026-M12'])
      assert.ok(isPeriod(text), text);
  });
});

describe('periods: the schema pattern', () => {
  const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/plan.schema.json'), 'utf8')) as {
    properties: { period: { pattern: string; description: string } };
  };

  it('should be the pattern the engine parses', () => {
    assert.equal(schema.properties.period.pattern, PERIOD_PATTERN);
  });

  it('should accept and refuse exactly what parsePeriod does', () => {
    const re = new RegExp(PERIOD_PATTERN, 'u');
    const samples = [
      '2026',
      '2026-H1',
      '2026-H3',
      '2026-Q4',
      '2026-Q5',
      '2026-00',
      '2026-09',
      '2026-10',
      '2026-13',
      'FY2026',
      'FY26',
      'FY2026-M00',
      'FY2026-M07',
      'FY2026-M13',
      'FY2026-07',
      '2026-M07',
      'FY2026-Q2',
      'FY2026-H2',
      'fy2026',
      '2026-q1',
    ];
    for (const text of samples) assert.equal(re.test(text), isPeriod(text), text);
  });

  it('should describe every form with examples', () => {
    for (const form of ['YYYY-MM', 'FY2026', 'FY2026-H1', 'FY2026-Q1', 'FY2026-M01', 'fiscalYearStart', '2026-06'])
      assert.ok(schema.properties.period.description.includes(form), form);
  });
});

describe('periods: order, containment and elapsed share', () => {
  it('should order by first day, longer first, periods before other text', () => {
    const list = ['2026-Q2', 'H1 2026', '2026-06', '2027', '2026', '2026-H1', '2026-01', 'FY2026', '2026-Q1', '2025-12', 'FY2026-Q1'];
    assert.deepEqual(
      [...list].sort((a, b) => comparePeriods(a, b, 1)),
      ['2025-12', '2026', 'FY2026', '2026-H1', '2026-Q1', 'FY2026-Q1', '2026-01', '2026-Q2', '2026-06', '2027', 'H1 2026'],
    );
  });

  it('should order fiscal periods by their real dates', () => {
    const list = ['FY2026-Q4', '2026-12', 'FY2026', '2026', 'FY2026-M01', '2027-Q1'];
    assert.deepEqual(
      [...list].sort((a, b) => comparePeriods(a, b, 4)),
      ['2026', 'FY2026', 'FY2026-M01', '2026-12', '2027-Q1', 'FY2026-Q4'],
    );
  });

  it('should find a month inside its quarter, half and year, calendar or fiscal', () => {
    assert.ok(periodWithin('2026-06', '2026-Q2'));
    assert.ok(periodWithin('2026-06', '2026-H1'));
    assert.ok(periodWithin('2026-06', '2026'));
    assert.ok(periodWithin('2026-06', '2026-06'));
    assert.ok(!periodWithin('2026-07', '2026-H1'));
    assert.ok(!periodWithin('2026', '2026-H1'));
    assert.ok(periodWithin('2027-02', 'FY2026', 4));
    assert.ok(!periodWithin('2027-02', 'FY2026', 1));
    assert.ok(periodWithin('FY2026-Q1', 'FY2026-H1', 4));
    assert.ok(periodWithin('FY2026-M03', '2026-Q2', 4));
    assert.ok(!periodWithin('2026', 'FY2026', 4));
    assert.ok(!periodWithin('spring', '2026'));
    assert.ok(!periodWithin('2026-06', 'spring'));
  });

  it('should give the elapsed share of a month, a leap February and a fiscal quarter', () => {
    assert.equal(elapsedShare('2026-06', '2026-06-15'), 15 / 30);
    assert.equal(elapsedShare('2026-06', '2026-05-31'), 0);
    assert.equal(elapsedShare('2026-06', '2026-07-01'), 1);
    assert.equal(elapsedShare('2024-02', '2024-02-29'), 1);
    assert.equal(elapsedShare('2024-02', '2024-02-28'), 28 / 29);
    assert.equal(elapsedShare('FY2026-Q1', '2026-05-01', 4), 31 / 91);
    assert.equal(elapsedShare('FY2026-Q1', '2026-03-31', 4), 0, 'before April nothing of the fiscal Q1 has passed');
    assert.equal(elapsedShare('FY2026-Q1', '2026-03-31', 1), 1, 'the calendar-aligned FY2026-Q1 is over by then');
    assert.equal(elapsedShare('2026-13', '2026-05-01'), undefined);
  });

  it('should read dates as one-day spans and compare spans by their days', () => {
    assert.deepEqual(spanOf('2026-02-29'), undefined);
    assert.deepEqual(spanOf('2024-02-29'), { start: '2024-02-29', end: '2024-02-29' });
    const q1 = spanOf('2026-Q1') as { start: string; end: string };
    const s = (t: string) => spanOf(t, 4) as { start: string; end: string };
    assert.ok(spanCompare(s('2026-04'), '>', q1));
    assert.ok(!spanCompare(s('2026-02'), '>', q1), 'inside Q1 is not after it');
    assert.ok(!spanCompare(s('2026'), '>', q1));
    assert.ok(spanCompare(s('2026-02'), '>=', q1));
    assert.ok(spanCompare(s('2026-02'), '<=', q1));
    assert.ok(!spanCompare(s('2026-H1'), '<=', q1));
    assert.ok(spanCompare(s('2025-12-31'), '<', q1));
    assert.ok(!spanCompare(s('2026-01-01'), '<', q1));
    assert.ok(spanCompare(s('2027-03-31'), '<', s('FY2027')));
    assert.ok(!spanCompare(s('2027-04-01'), '<', s('FY2027')));
  });
});

describe('periods: labels', () => {
  it('should keep a calendar period as written and date a fiscal one', () => {
    assert.equal(periodLabel('2026-06', 4), '2026-06');
    assert.equal(periodLabel('2026-Q1', 4), '2026-Q1');
    assert.equal(periodLabel('FY2026-Q1', 4), 'FY2026-Q1 (2026-04-01 – 2026-06-30)');
    assert.equal(periodLabel('FY2026', 1), 'FY2026 (2026-01-01 – 2026-12-31)');
    assert.equal(periodLabel('上半年', 4), '上半年');
  });
});
