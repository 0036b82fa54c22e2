import { strict as assert } from 'node:assert';
import { matchScore } from '../../src/vscode/language/symbolMatch';

describe('workspace symbols: matching ids and titles', () => {
  it('should rank an exact id above a prefix, a substring and a title match', () => {
    const scores = [
      matchScore('ptn-med-petal', 'PTN-MED-PETAL', 'Petal Social'),
      matchScore('ptn-med', 'PTN-MED-PETAL', ''),
      matchScore('petal', 'PTN-MED-PETAL', ''),
      matchScore('social', 'PTN-MED-PETAL', 'Petal Social'),
    ];
    assert.deepEqual(
      [...scores].sort((a, b) => b - a),
      scores,
    );
    assert.ok(scores.every((s) => s > 0));
  });

  it('should find a title by several words in any order', () => {
    assert.ok(matchScore('social petal', 'PTN-MED-PETAL', 'Petal Social') > 0);
  });

  it('should not match letters scattered across a title', () => {
    assert.equal(matchScore('petal', 'EXP-2026-0002', 'Printed event tables and lamps'), 0);
  });
});
