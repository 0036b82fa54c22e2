import * as assert from 'node:assert/strict';
import { DEFAULT_LOCALE, Formatter, resolveLocale } from '../../src/core/format/format';
import { displayWidth, truncate } from '../../src/core/format/text';
import { countOf, paceText, plural, relativeDays, titled, titleOr } from '../../src/core/format/words';

describe('core formatter', () => {
  const en = new Formatter();
  const zh = new Formatter('zh-CN');

  it('should default to English when no locale is configured, and fall back from a locale Intl does not know', () => {
    assert.equal(en.locale, DEFAULT_LOCALE);
    assert.equal(resolveLocale('zz-not-a-locale-!!'), 'en');
    assert.equal(new Formatter('x').number(1280), '1,280');
  });

  it('should group numbers and keep two decimals at most', () => {
    assert.deepEqual(
      [7_500_000, 3.456, -42, 0].map((n) => en.number(n)),
      ['7,500,000', '3.46', '-42', '0'],
    );
    assert.equal(zh.number(1280), '1,280');
    assert.equal(en.number(undefined), '–');
    assert.equal(en.number(Number.NaN), '–');
  });

  it('should write money with the currency of the entity: ¥ for CNY in zh-CN, CN¥ in English', () => {
    assert.equal(zh.currency(1280, 'CNY'), '¥1,280');
    assert.equal(en.currency(1280, 'CNY'), 'CN¥1,280');
    assert.equal(zh.currency(-70_000, 'CNY'), '-¥70,000');
    assert.equal(en.currency(1280.5, 'USD'), '$1,280.50');
    assert.equal(zh.currency(1280.5, 'USD'), 'US$1,280.50');
  });

  it('should give money the minor digits of its currency, and none for whole amounts', () => {
    assert.equal(en.currency(1280.456, 'CNY'), 'CN¥1,280.46');
    assert.equal(en.currency(1280.6, 'JPY'), '¥1,281');
    assert.equal(en.currency(12.5, 'EUR'), '€12.50');
    assert.equal(en.currency(360_000_000, 'CNY'), 'CN¥360,000,000');
  });

  it('should write the ISO code after the number for plain text', () => {
    assert.equal(en.currency(24_000_000, 'CNY', { code: true }), '24,000,000 CNY');
    assert.equal(zh.currency(1280.5, 'CNY', { code: true }), '1,280.50 CNY');
    assert.equal(en.currency(1280.6, 'JPY', { code: true }), '1,281 JPY');
  });

  it('should keep a non-ISO currency as written and print a bare number without one', () => {
    assert.equal(en.currency(1280, '元'), '1,280 元');
    assert.equal(en.currency(1280, undefined), '1,280');
    assert.equal(en.currency(1280, 'cny'), 'CN¥1,280');
  });

  it('should shorten numbers and money in the locale’s own units', () => {
    assert.deepEqual(
      [74_300_000, 160_000_000, 800_000, 8_500, 999_960, 3_150_000, -1_250_000].map((n) => en.compact(n)),
      ['74.3M', '160M', '800K', '8.5K', '1M', '3.2M', '-1.3M'],
    );
    assert.equal(zh.compact(74_300_000), '7430万');
    assert.equal(zh.compact(160_000_000), '1.6亿');
    assert.equal(en.currency(7_500_000, 'CNY', { compact: true }), 'CN¥7.5M');
    assert.equal(zh.currency(7_500_000, 'CNY', { compact: true }), '¥750万');
    // German compact notation writes numbers below a million in full but leaves four digits
    // ungrouped (7450 beside 24.000): every number it does not abbreviate is grouped.
    const de = new Formatter('de-DE');
    assert.deepEqual(
      [7_450, 24_000, 950.56, 1_234_567].map((n) => de.compact(n)),
      ['7.450', '24.000', '950,6', '1,2\u00a0Mio.'],
    );
    assert.equal(zh.compact(7_450), '7450', 'Chinese abbreviates from 万 and writes what it does not abbreviate as is');
  });

  it('should round percents to one decimal, or whole for labels', () => {
    assert.equal(en.percent(0.7771), '77.7%');
    assert.equal(en.percent(0.77749), '77.7%');
    assert.equal(en.percent(0.77751), '77.8%');
    assert.equal(en.percent(0), '0.0%');
    assert.equal(en.percentWhole(0.7771), '78%');
    assert.equal(en.percentWhole(0.775), '78%');
    assert.equal(zh.percent(0.464), '46.4%');
    assert.equal(en.percent(undefined), '–');
  });

  it('should write values with their units', () => {
    assert.equal(en.unit(3.5, '%'), '3.5%');
    assert.equal(en.unit(104, 'days'), '104 days');
    assert.equal(en.unit(4, 'count'), '4');
    assert.equal(zh.unit(160_000_000, 'CNY'), '¥160,000,000');
    assert.equal(zh.unit(160_000_000, 'CNY', { compact: true }), '¥1.6亿');
    assert.equal(zh.unit(12, '家'), '12 家');
  });

  it('should write long dates in the locale: 2026年6月15日 in zh-CN', () => {
    assert.equal(zh.longDate('2026-06-15'), '2026年6月15日');
    assert.equal(en.longDate('2026-06-15'), 'June 15, 2026');
    assert.equal(en.longDate('2026-02-30'), '2026-02-30');
    assert.equal(en.longDate('FY2026-Q1'), 'FY2026-Q1');
  });

  it('should write months for chart axes in the locale: 2026年6月 in zh-CN, one form for every chart', () => {
    assert.equal(zh.month('2026-06-01'), '2026年6月');
    assert.equal(en.month('2026-06'), 'Jun 2026');
    assert.equal(en.month('2026-13'), '2026-13');
    assert.equal(en.month('FY2026'), 'FY2026');
  });
});

describe('CJK-aware text width', () => {
  it('should count East Asian wide characters as two columns', () => {
    assert.equal(displayWidth('East China'), 10);
    assert.equal(displayWidth('华东区'), 6);
    assert.equal(displayWidth('ＡＢ'), 4);
    assert.equal(displayWidth('门店 A1'), 7);
    assert.equal(displayWidth('e\u0301'), 1);
  });

  it('should truncate by columns with an ellipsis', () => {
    assert.equal(truncate('华东区门店升级计划', 9), '华东区门…');
    assert.equal(truncate('华东区门店升级计划', 18), '华东区门店升级计划');
    assert.equal(truncate('Grow East China revenue', 10), 'Grow East…');
    assert.equal(truncate('华东 East', 7), '华东 E…');
  });

  it('should never split a surrogate pair', () => {
    const text = '𠀀𠀁𠀂 ok';
    const cut = truncate(text, 5);
    assert.equal(cut, '𠀀𠀁…');
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut));
    assert.equal(truncate('😀😀😀', 4), '😀…');
  });
});

describe('shared words', () => {
  it('should name pace once, in English or through the host’s translator', () => {
    assert.deepEqual(
      (['on-track', 'at-risk', 'off-track', 'no-data'] as const).map((p) => paceText(p)),
      ['on track', 'at risk', 'off track', 'no data'],
    );
    const zh: Record<string, string> = { 'on track': '正常', 'off track': '落后' };
    assert.equal(paceText('off-track', { t: (m) => zh[m] ?? m }), '落后');
  });

  it('should put the title first and fall back to the id', () => {
    assert.equal(titled('PRJ-WEST-POPUP', 'West pop-up store'), 'West pop-up store (PRJ-WEST-POPUP)');
    assert.equal(titled('门店-007', undefined), '门店-007');
    assert.equal(titled('K1', '  '), 'K1');
    assert.equal(titleOr('K1', '营业额'), '营业额');
    assert.equal(titleOr('K1', undefined), 'K1');
  });

  it('should count in English once: 1 file, 2 entities, and pick translated forms by count', () => {
    assert.deepEqual([plural(1, 'file'), plural(0, 'file'), plural(2, 'entity', 'entities')], ['1 file', '0 files', '2 entities']);
    assert.deepEqual([countOf(1, '1 个', '{0} 个'), countOf(4, 'a', 'b')], ['1 个', 'b']);
  });

  it('should say days from today in words, the number in the workspace locale', () => {
    const n = (x: number) => new Formatter('en').number(x);
    assert.deepEqual(
      [0, 1, 46, -1, -1500].map((d) => relativeDays(d, n)),
      ['today', 'in 1 day', 'in 46 days', '1 day ago', '1,500 days ago'],
    );
    assert.equal(relativeDays(undefined, n), '–');
    const zh: Record<string, string> = { 'in {0} days': '{0} 天后' };
    assert.equal(relativeDays(3, n, { t: (m, ...a) => (zh[m] ?? m).replace('{0}', String(a[0])) }), '3 天后');
  });
});
