import assert from 'node:assert/strict';
import { parseQuery } from '../../src/core/search/query';
import type { ParsedQuery } from '../../src/core/search/types';

function parsed(overrides: Partial<ParsedQuery>): ParsedQuery {
  return { terms: [], phrases: [], filters: [], excludedTerms: [], excludedPhrases: [], errors: [], ...overrides };
}

describe('search query parser', () => {
  it('should split free words on whitespace, keeping them as typed', () => {
    assert.deepEqual(parseQuery('  Greeting\tstandard  PTN-007 '), parsed({ terms: ['Greeting', 'standard', 'PTN-007'] }));
  });

  it('should read a quoted phrase with its whitespace collapsed', () => {
    assert.deepEqual(parseQuery('"seat  to\nwaiting" customers'), parsed({ phrases: ['seat to waiting'], terms: ['customers'] }));
  });

  it('should read field filters, including kind, id and dotted paths', () => {
    assert.deepEqual(
      parseQuery('status:approved kind:standard id:PTN-0* contract.end:2026-09-30'),
      parsed({
        filters: [
          { field: 'status', op: ':', value: 'approved', negate: false },
          { field: 'kind', op: ':', value: 'standard', negate: false },
          { field: 'id', op: ':', value: 'PTN-0*', negate: false },
          { field: 'contract.end', op: ':', value: '2026-09-30', negate: false },
        ],
      }),
    );
  });

  it('should read comparisons', () => {
    assert.deepEqual(
      parseQuery('budget:>1000 due:<=2026-06-30 score:>=3.5 tier:<2'),
      parsed({
        filters: [
          { field: 'budget', op: '>', value: '1000', negate: false },
          { field: 'due', op: '<=', value: '2026-06-30', negate: false },
          { field: 'score', op: '>=', value: '3.5', negate: false },
          { field: 'tier', op: '<', value: '2', negate: false },
        ],
      }),
    );
  });

  it('should read negated filters, words and phrases', () => {
    assert.deepEqual(
      parseQuery('-status:draft -refund -"old wording" -budget:>5'),
      parsed({
        filters: [
          { field: 'status', op: ':', value: 'draft', negate: true },
          { field: 'budget', op: '>', value: '5', negate: true },
        ],
        excludedTerms: ['refund'],
        excludedPhrases: ['old wording'],
      }),
    );
  });

  it('should read a quoted filter value with spaces', () => {
    assert.deepEqual(
      parseQuery('owner:"PER-CHEN YU" -owner:"A B"'),
      parsed({
        filters: [
          { field: 'owner', op: ':', value: 'PER-CHEN YU', negate: false },
          { field: 'owner', op: ':', value: 'A B', negate: true },
        ],
      }),
    );
  });

  it('should search an unclosed quote as a phrase and say so', () => {
    assert.deepEqual(
      parseQuery('greeting "unclosed phrase'),
      parsed({ terms: ['greeting'], phrases: ['unclosed phrase'], errors: ['Unclosed quote: searched "unclosed phrase" as a phrase.'] }),
    );
  });

  it('should report a filter without a value and keep the rest', () => {
    assert.deepEqual(
      parseQuery('status: greeting budget:>'),
      parsed({
        terms: ['greeting'],
        errors: ["Ignored 'status:': a filter needs a value after ':'.", "Ignored 'budget:>': a filter needs a value after ':>'."],
      }),
    );
  });

  it('should report a filter without a field name', () => {
    assert.deepEqual(
      parseQuery(':x :"y z" seat'),
      parsed({
        terms: ['seat'],
        errors: ["Ignored ':x': a filter needs a field name before ':'.", `Ignored ':"y z"': a filter needs a field name before ':'.`],
      }),
    );
  });

  it('should report a lone minus', () => {
    assert.deepEqual(
      parseQuery('greeting - seat -'),
      parsed({
        terms: ['greeting', 'seat'],
        errors: ["Ignored '-': write -word or -field:value to exclude.", "Ignored '-': write -word or -field:value to exclude."],
      }),
    );
  });

  it('should report an empty phrase', () => {
    assert.deepEqual(parseQuery('"" seat'), parsed({ terms: ['seat'], errors: [`Ignored '""': the phrase is empty.`] }));
  });

  it('should treat colons that do not follow a field name as part of a word', () => {
    assert.deepEqual(parseQuery('10:30 https://example.com'), parsed({ terms: ['10:30', 'https://example.com'] }));
  });

  it('should drop words without letters or digits', () => {
    assert.deepEqual(parseQuery('a & b — c'), parsed({ terms: ['a', 'b', 'c'] }));
  });

  it('should keep a quote that starts mid-word as a phrase of its own', () => {
    assert.deepEqual(parseQuery('abc"def ghi"'), parsed({ terms: ['abc'], phrases: ['def ghi'] }));
  });
});
