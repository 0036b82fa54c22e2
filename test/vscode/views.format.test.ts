import * as assert from 'node:assert/strict';
import { compact, compactMoney, fullMoney, percent, plural, precisePercent, withUnit } from '../../src/vscode/views/format';

describe('view number formats', () => {
  it('should shorten large numbers to one decimal with K, M and B', () => {
    assert.deepEqual([74_300_000, 160_000_000, 7_500_000, 4_480_000, 800_000, 8_500, 12_999, 2_500_000_000].map(compact), ['74.3M', '160M', '7.5M', '4.5M', '800K', '8.5K', '13K', '2.5B']);
  });

  it('should keep small numbers and decimals as they are', () => {
    assert.deepEqual([0, 3.2, 11.5, 999, -42].map(compact), ['0', '3.2', '11.5', '999', '-42']);
  });

  it('should round half up and move to the next unit instead of writing 1000K', () => {
    assert.deepEqual([3_150_000, 950_000, 999_960, -1_250_000].map(compact), ['3.2M', '950K', '1M', '-1.3M']);
  });

  it('should write money with or without a currency', () => {
    assert.equal(compactMoney(7_500_000, 'CNY'), '7.5M CNY');
    assert.equal(compactMoney(7_500_000, undefined), '7.5M');
    assert.equal(fullMoney(7_500_000, 'CNY'), '7,500,000 CNY');
  });

  it('should write percentages whole in labels and with one decimal in tooltips', () => {
    assert.equal(percent(0.7771), '78%');
    assert.equal(precisePercent(0.7771), '77.7%');
  });

  it('should attach % to the number and put other units after a space', () => {
    assert.equal(withUnit('3.2', '%'), '3.2%');
    assert.equal(withUnit('4', 'count'), '4 count');
    assert.equal(withUnit('4', ''), '4');
  });

  it('should pluralise counts', () => {
    assert.deepEqual([plural(1, 'plan'), plural(0, 'plan'), plural(3, 'plan')], ['1 plan', '0 plans', '3 plans']);
  });
});
