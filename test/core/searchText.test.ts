import assert from 'node:assert/strict';
import { findPhrase, phraseForm } from '../../src/core/search/phrase';
import { smallest } from '../../src/core/search/rank';
import { lineAt, snippetAround } from '../../src/core/search/snippet';
import { findToken, indexTokens, queryTokens } from '../../src/core/search/tokenize';

describe('search text handling', () => {
  describe('tokens', () => {
    it('should split on anything but letters and digits, lowercased', () => {
      assert.deepEqual(indexTokens('PTN-007 list_price: Café naïve'), ['ptn', '007', 'list', 'price', 'café', 'naïve']);
    });

    it('should index CJK runs whole and as bigrams, apart from adjacent Latin letters', () => {
      assert.deepEqual(indexTokens('品牌手册ABC 한국어'), ['品牌手册', '品牌', '牌手', '手册', 'abc', '한국어', '한국', '국어']);
    });

    it('should turn a long CJK query run into its bigrams', () => {
      assert.deepEqual(queryTokens('品牌手册'), ['品牌', '牌手', '手册']);
      assert.deepEqual(queryTokens('手册'), ['手册']);
      assert.deepEqual(queryTokens('PTN-007'), ['ptn', '007']);
    });

    it('should cut very long tokens to 64 characters', () => {
      assert.deepEqual(indexTokens('a'.repeat(100)), ['a'.repeat(64)]);
    });

    it('should find the offsets of the first matching token, bigrams included', () => {
      assert.deepEqual(
        findToken('Das 品牌手册 ok', (t) => t === '手册'),
        { start: 6, end: 8 },
      );
      assert.deepEqual(
        findToken('One TWO three', (t) => t === 'two'),
        { start: 4, end: 7 },
      );
      assert.equal(
        findToken('One', (t) => t === 'two'),
        undefined,
      );
    });
  });

  describe('phrases', () => {
    it('should compare in lower case with whitespace runs collapsed', () => {
      assert.equal(phraseForm('Seat\n  To\tWait'), 'seat to wait');
    });

    it('should map a phrase match back to offsets in the original text', () => {
      assert.deepEqual(findPhrase('Foo  BAR\n baz', 'bar baz'), { start: 5, end: 13 });
    });

    it('should keep offsets right when lowercasing changes the length', () => {
      assert.deepEqual(findPhrase('x İSTANBUL y', phraseForm('İstanbul')), { start: 2, end: 10 });
    });
  });

  describe('snippets', () => {
    it('should keep a match longer than the snippet whole', () => {
      const text = `${'x'.repeat(50)} ${'m'.repeat(130)} tail`;
      assert.equal(snippetAround(text, 51, 181), `…${'m'.repeat(130)}…`);
    });

    it('should drop Markdown markers from the context but not from the match', () => {
      assert.equal(snippetAround('- item one\n- **bold** item\n> quote **needle** here', 34, 44), 'item one bold item quote **needle** here');
    });

    it('should count lines from the first line of the text, CRLF included', () => {
      assert.equal(lineAt('a\r\nb\r\nc', 6, 5), 7);
      assert.equal(lineAt('abc', 2, 5), 5);
    });
  });

  describe('ranking', () => {
    it('should return the positions of the k smallest items in order', () => {
      const items = [5, 3, 9, 1, 7, 2, 8];
      const byValue = (a: number, b: number): number => items[a]! - items[b]!;
      assert.deepEqual(
        smallest(items.length, 3, byValue).map((i) => items[i]),
        [1, 2, 3],
      );
      assert.deepEqual(
        smallest(items.length, 10, byValue).map((i) => items[i]),
        [1, 2, 3, 5, 7, 8, 9],
      );
      assert.deepEqual(smallest(items.length, 0, byValue), []);
    });

    it('should agree with a full sort on random input, ties included', () => {
      let seed = 7;
      const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 50;
      for (let round = 0; round < 50; round++) {
        const items = Array.from({ length: 200 + round }, next);
        const byValue = (a: number, b: number): number => items[a]! - items[b]! || a - b;
        const k = round % 30;
        const expected = items
          .map((_, i) => i)
          .sort(byValue)
          .slice(0, k);
        assert.deepEqual(smallest(items.length, k, byValue), expected);
      }
    });
  });
});
