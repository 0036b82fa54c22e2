import * as assert from 'node:assert/strict';
import { contractBuckets, meanAttainment, paceCounts, partnerCounts, sumOf } from '../../src/core/dashboard/aggregate';

describe('dashboard aggregates (shared by core and the webview)', () => {
  it('counts KPIs by pace, a KPI without pace as no data', () => {
    assert.deepEqual(paceCounts([{ pace: 'on-track' }, { pace: 'at-risk' }, {}, { pace: 'off-track' }, { pace: 'on-track' }]), {
      onTrack: 2,
      atRisk: 1,
      offTrack: 1,
      noData: 1,
    });
  });

  it('means the attainments that exist, and has none for rows without', () => {
    assert.equal(meanAttainment([{ attainment: 0.5 }, {}, { attainment: 1 }]), 0.75);
    assert.equal(meanAttainment([{}, {}]), undefined);
  });

  it('sums with missing values as zero', () => {
    assert.equal(
      sumOf([{ b: 1280 }, {}, { b: 720 }], (r: { b?: number }) => r.b),
      2000,
    );
  });

  it('counts partners per key once each, by contract state, sorted, pointing at the first partner', () => {
    const rows = [
      { bucket: 'expiring' as const, file: 'partners/华东.yaml', line: 3, regions: ['华东', '华北'] },
      { bucket: 'no-contract' as const, file: 'partners/华东.yaml', line: 9, regions: ['华东', '华东'] },
      { bucket: 'inactive' as const, file: 'partners/西南.yaml', line: 1, regions: [] },
    ];
    assert.deepEqual(contractBuckets(rows), { expired: 0, expiring: 1, active: 0, 'no-contract': 1, inactive: 1 });
    assert.deepEqual(
      partnerCounts(rows, (r) => (r.regions.length ? r.regions : ['(none)'])),
      [
        { key: '(none)', total: 1, active: 0, expiring: 0, expired: 0, inactive: 1, file: 'partners/西南.yaml', line: 1 },
        { key: '华东', total: 2, active: 1, expiring: 1, expired: 0, inactive: 0, file: 'partners/华东.yaml', line: 3 },
        { key: '华北', total: 1, active: 0, expiring: 1, expired: 0, inactive: 0, file: 'partners/华东.yaml', line: 3 },
      ],
    );
  });
});
