import * as assert from 'node:assert/strict';
import { Formatter } from '../../src/core/format/format';
import { countOf } from '../../src/core/format/words';

/** The views format through the core formatter; these are the short forms their labels rely on. */
describe('view number formats', () => {
  const fmt = new Formatter();

  it('should shorten large numbers to one decimal with K, M and B', () => {
    assert.deepEqual(
      [74_300_000, 160_000_000, 7_500_000, 4_480_000, 800_000, 8_500, 12_999, 2_500_000_000].map((n) => fmt.compact(n)),
      ['74.3M', '160M', '7.5M', '4.5M', '800K', '8.5K', '13K', '2.5B'],
    );
  });

  it('should keep small numbers and decimals as they are', () => {
    assert.deepEqual(
      [0, 3.2, 11.5, 999, -42].map((n) => fmt.compact(n)),
      ['0', '3.2', '11.5', '999', '-42'],
    );
  });

  it('should round half up and move to the next unit instead of writing 1000K', () => {
    assert.deepEqual(
      [3_150_000, 950_000, 999_960, -1_250_000].map((n) => fmt.compact(n)),
      ['3.2M', '950K', '1M', '-1.3M'],
    );
  });

  it('should write money with or without a currency', () => {
    assert.equal(fmt.currency(7_500_000, 'CNY', { compact: true }), 'CN¥7.5M');
    assert.equal(fmt.currency(7_500_000, undefined, { compact: true }), '7.5M');
    assert.equal(fmt.currency(7_500_000, 'CNY'), 'CN¥7,500,000');
  });

  it('should write percentages whole in labels and with one decimal in tooltips', () => {
    assert.equal(fmt.percentWhole(0.7771), '78%');
    assert.equal(fmt.percent(0.7771), '77.7%');
  });

  it('should attach % to the number and put other units after a space', () => {
    assert.equal(fmt.unit(3.2, '%'), '3.2%');
    assert.equal(fmt.unit(4, 'days'), '4 days');
    assert.equal(fmt.unit(4, ''), '4');
  });

  it('should pick the singular or plural form of a count', () => {
    assert.deepEqual([countOf(1, '1 plan', '1 plans'), countOf(0, '1 plan', '0 plans'), countOf(3, '1 plan', '3 plans')], ['1 plan', '0 plans', '3 plans']);
  });
});
