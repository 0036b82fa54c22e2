import * as assert from 'node:assert/strict';
import { niceTicks } from '../../webview/src/ticks';

// Axis ticks of the dashboard's charts (pure: no DOM needed).
describe('chart axis ticks', () => {
  it('fall at round steps, about five up to the maximum', () => {
    assert.deepEqual(niceTicks(250), [0, 50, 100, 150, 200, 250]);
    assert.deepEqual(niceTicks(2), [0, 0.5, 1, 1.5, 2]);
  });

  it('never fall between whole numbers on a count axis (two people have no half)', () => {
    assert.deepEqual(niceTicks(2, true), [0, 1, 2]);
    assert.deepEqual(niceTicks(250, true), [0, 50, 100, 150, 200, 250]);
  });
});
