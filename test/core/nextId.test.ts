import { strict as assert } from 'node:assert';
import { proposeNextId } from '../../src/core/ids/next';

describe('proposeNextId: the next id from the ids in use', () => {
  it('continues a zero-padded counter at its width', () => {
    assert.equal(proposeNextId(['E001', 'E007', 'E003']), 'E008');
    assert.equal(proposeNextId(['P-0008', 'P-0009']), 'P-0010');
    assert.equal(proposeNextId(['EMP-099']), 'EMP-100');
  });

  it('continues a counter written without padding', () => {
    assert.equal(proposeNextId(['SKU-LJ-248', 'SKU-LJ-250', 'SKU-LJ-249']), 'SKU-LJ-251');
    assert.equal(proposeNextId(['T9', 'T10']), 'T11');
  });

  it('grows a padded counter past its width rather than reusing an id', () => {
    assert.equal(proposeNextId(['E998', 'E999']), 'E1000');
  });

  it('counts ids as wide as the padding without a leading zero in the padded scheme, in either order', () => {
    assert.equal(proposeNextId(['E007', 'E100', 'E010']), 'E101');
    assert.equal(proposeNextId(['E100', 'E007']), 'E101');
  });

  it('keeps text after the counter', () => {
    assert.equal(proposeNextId(['STD-SVC-001-A', 'STD-SVC-002-A']), 'STD-SVC-003-A');
  });

  it('follows the scheme with the most ids when ids are mixed', () => {
    assert.equal(proposeNextId(['PTN-ACME', 'P-0001', 'P-0002', 'VEND-7']), 'P-0003');
  });

  it('among schemes with as many ids, follows the one used last', () => {
    assert.equal(proposeNextId(['OLD-01', 'OLD-02', 'N-0001', 'N-0002']), 'N-0003');
    assert.equal(proposeNextId(['N-0001', 'N-0002', 'OLD-01', 'OLD-02']), 'OLD-03');
  });

  it('shares one counter across a code in the middle when no exact scheme repeats', () => {
    assert.equal(proposeNextId(['STD-SVC-001', 'STD-OPS-002', 'STD-VM-003', 'STD-MALL-006', 'STD-RET-004']), 'STD-MALL-007');
    assert.equal(proposeNextId(['PTN-ACME', 'STD-SVC-001']), 'STD-SVC-002');
  });

  it('never proposes an id in use, in any scheme or letter case', () => {
    assert.equal(proposeNextId(['A-1', 'A-2', 'a-3', 'B-01']), 'A-4');
    assert.equal(proposeNextId(['X-01', 'X-02', 'X-03', 'Y-1', 'X-04', 'x-05']), 'X-06');
  });

  it('continues Chinese ids that carry a counter', () => {
    assert.equal(proposeNextId(['门店-001', '门店-002', '门店-010']), '门店-011');
    assert.equal(proposeNextId(['员工2024001', '员工2024002']), '员工2024003');
  });

  it('proposes nothing when no id carries a counter', () => {
    assert.equal(proposeNextId(['门店-上海', '门店-北京']), undefined);
    assert.equal(proposeNextId([]), undefined);
  });

  it('proposes nothing when named ids outnumber the ids of the best scheme (the number is part of a name)', () => {
    assert.equal(proposeNextId(['PRJ-EAST-POPUP', 'PRJ-EAST-618-PROMO', 'PRJ-HQ-ACADEMY']), undefined);
    assert.equal(proposeNextId(['门店-上海', '门店-北京', '门店-001', '门店-002']), '门店-003');
  });

  it('proposes nothing from a number every id shares (a period in a plan name, not a counter)', () => {
    // A bicycle-workshop network's half-year plans, one per city: `H2` is the period.
    assert.equal(proposeNextId(['PL-GJ25-H2-BER', 'PL-GJ25-H2-HAM', 'PL-GJ25-H2-MUC']), undefined);
    assert.equal(proposeNextId(['PL-GJ25-H2-MUC', 'PL-GJ25-H2-BER', 'PL-GJ25-H2', 'PL-GJ25-H2-HH']), undefined);
    assert.equal(proposeNextId(['PL-GJ25-H2-BER', 'PL-GJ25-H2-HAM', 'AUS-0007', 'AUS-0012']), 'AUS-0013');
    // …while a counter that moves is still followed, across topic codes too.
    assert.equal(proposeNextId(['STD-SVC-001', 'STD-OPS-002', 'STD-VM-003']), 'STD-VM-004');
  });

  it('ignores counters too large to be counters', () => {
    assert.equal(proposeNextId(['N-99999999999999999999']), undefined);
  });

  describe('with a declared idPattern', () => {
    it('follows only the ids that match the pattern', () => {
      assert.equal(proposeNextId(['KC-0001', 'KC-0002', 'OLD-9', 'OLD-10', 'OLD-11'], { idPattern: '^KC-\\d{4}$' }), 'KC-0003');
    });

    it('falls back to another scheme when the next counter would leave the pattern', () => {
      assert.equal(proposeNextId(['E999', 'E998', 'F001'], { idPattern: '^[A-Z]\\d{3}$' }), 'F002');
    });

    it('proposes nothing when no id in use fits the pattern, or the next one cannot', () => {
      assert.equal(proposeNextId(['门店-001'], { idPattern: '^SHOP-\\d+$' }), undefined);
      assert.equal(proposeNextId(['E999'], { idPattern: '^E\\d{3}$' }), undefined);
      assert.equal(proposeNextId([], { idPattern: '^E\\d{3}$' }), undefined);
    });

    it('proposes nothing for an invalid or unsafe pattern', () => {
      assert.equal(proposeNextId(['E001'], { idPattern: '^(E' }), undefined);
      assert.equal(proposeNextId(['E001'], { idPattern: '^(E+)+\\d+$' }), undefined);
    });
  });
});
