import { strict as assert } from 'node:assert';
import { applyToValue, editYamlOps, editYamlText } from '../../src/core/edit/edit';
import { editRecords } from '../../src/core/edit/records';

/** A Taipei bakery chain's store list: 4-space indentation, CRLF, comments, fiscal year from April. */
const STORES = [
  '# 門市清單 (FY starts 04-01)',
  'stores:',
  '    - code: TPE-信義',
  '      name: 信義旗艦店   # 旗艦',
  '      opened: 2019-04-01',
  '    - code: TPE-大安',
  '      name: 大安店',
  '      lease: { until: 2027-03-31, rent: 180000 }',
  '',
].join('\r\n');

describe('write layer: many records of a file at once', () => {
  it('writes new nested fields with the file’s own indentation and line ends', () => {
    const out = editRecords(STORES, [{ doc: 0, path: ['stores', 0], set: [{ path: ['manager', 'name'], value: '林小姐' }], remove: [] }], []);
    assert.equal(out, STORES.replace('      opened: 2019-04-01\r\n', '      opened: 2019-04-01\r\n      manager:\r\n          name: 林小姐\r\n'));
  });

  it('fills two fields of a mapping that does not exist yet (one after the other, not two keys of the same name)', () => {
    const out = editRecords(
      'id: 合約-01\n',
      [
        {
          doc: 0,
          path: [],
          set: [
            { path: ['term', 'start'], value: '2026-04-01' },
            { path: ['term', 'end'], value: '2027-03-31' },
          ],
          remove: [],
        },
      ],
      [],
    );
    assert.equal(out, 'id: 合約-01\nterm:\n  start: 2026-04-01\n  end: 2027-03-31\n');
  });

  it('removes a flow-map key and appends a record to a 4-space list in the same pass', () => {
    const out = editRecords(
      STORES,
      [{ doc: 0, path: ['stores', 1], set: [], remove: [['lease', 'rent']] }],
      [{ doc: 0, container: ['stores'], record: { code: 'TPE-中山', name: '中山店', lease: { until: '2028-03-31' } } }],
    );
    assert.equal(
      out,
      STORES.replace(
        '{ until: 2027-03-31, rent: 180000 }\r\n',
        '{ until: 2027-03-31 }\r\n    - code: TPE-中山\r\n      name: 中山店\r\n      lease:\r\n          until: 2028-03-31\r\n',
      ),
    );
  });

  it('refuses, with the write layer’s reason, a field under a value that is not a mapping and a record that merges fields', () => {
    assert.throws(
      () => editRecords('id: A\nterm: 1y\n', [{ doc: 0, path: [], set: [{ path: ['term', 'end'], value: 'x' }], remove: [] }], []),
      /term is not a mapping/,
    );
    const merged = 'base: &base { currency: TWD }\nitems:\n  - id: A\n    <<: *base\n    price: 1\n';
    assert.throws(
      () => editRecords(merged, [{ doc: 0, path: ['items', 0], set: [{ path: ['price'], value: 2 }], remove: [] }], []),
      /merges fields from elsewhere \(<<\): edit it as text/,
    );
  });

  it('makes several ops on one reading as the same text as one op after another', () => {
    const ops = [
      { op: 'set' as const, path: ['stores', 0, 'name'], value: '信義店' },
      { op: 'set' as const, path: ['stores', 1, 'lease', 'rent'], value: 185000 },
      { op: 'delete' as const, path: ['stores', 0, 'opened'] },
      { op: 'append' as const, path: ['stores'], value: { code: 'TPE-中山' } },
    ];
    let one = STORES;
    for (const op of ops) {
      const r = editYamlText(one, 0, op);
      assert.ok(r.ok);
      one = r.text;
    }
    const all = editYamlOps(STORES, 0, ops);
    assert.deepEqual(all, { ok: true, text: one });
    assert.equal(
      one,
      STORES.replace('信義旗艦店', '信義店')
        .replace('      opened: 2019-04-01\r\n', '')
        .replace('rent: 180000 }\r\n', 'rent: 185000 }\r\n    - code: TPE-中山\r\n'),
    );
  });

  it('appends to a top-level list (the document itself)', () => {
    assert.deepEqual(applyToValue([{ id: 'A' }], { op: 'append', path: [], value: { id: 'B' } }), [{ id: 'A' }, { id: 'B' }]);
    assert.deepEqual(applyToValue(null, { op: 'append', path: [], value: 1 }), [1]);
  });
});
