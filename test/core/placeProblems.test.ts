import { strict as assert } from 'node:assert';
import { buildRecordForm } from '../../src/core/form/build';
import type { FormField } from '../../src/core/form/types';
import { buildGridTable } from '../../src/core/table/model';
import { openMem } from './memfs';

// A bakery chain's supplier register in Japanese, kept by hand: a flow-map contract whose end is
// before its start, a key written twice, an owner nobody has, and an unknown grade.
const SUPPLIERS = `# 仕入先台帳
partners:
  - id: SP-01
    name: 北海道製粉
    type: supplier
    status: active
    tier: 特級
    contract: { start: 2026-04-01, end: 2026-03-31, value: 1200000, currency: JPY }
  - id: SP-02
    name: 十勝バター
    name: 十勝乳業
    type: supplier
    status: active
    owner: TANAKA
`;

const FILES = {
  'opsbook.yaml': 'opsbook: 1\nvocabularies:\n  partner.tier: [一級, 二級]\n',
  'partners/suppliers.yaml': SUPPLIERS,
  'org/people.yaml': 'people:\n  - id: SATO\n    name: 佐藤\n    role: 購買\n',
};

describe('problems placed in the form and in the table the same way (core/form/place)', () => {
  it('puts each problem under the same field in the form as in the cell of the table, a flow map value and a duplicate key included', async () => {
    const { workspace: ws } = await openMem(FILES);
    const all = ws
      .diagnostics('partners/suppliers.yaml')
      .map((d) => `${d.range.start.line} ${d.ruleId}`)
      .sort();
    const built = buildGridTable(ws, { kind: 'partner', file: 'partners/suppliers.yaml' }, ['tier', 'owner', 'contract.end', 'name']);
    const col = (key: string) => built.table.columns.findIndex((c) => c.key === key);
    const cells = built.table.rows.flatMap((r) =>
      Object.entries(r.problems).flatMap(([c, ps]) =>
        ps.map((p) => `${r.id} ${c === '-1' ? '(row)' : built.table.columns[Number(c)]!.key} ${p.line} ${p.ruleId}`),
      ),
    );
    const forms = ['SP-01', 'SP-02'].flatMap((id) => {
      const form = buildRecordForm(ws, ws.get('partner', id)!);
      const under = (f: FormField, name: string): string[] => [
        ...f.problems.map((p) => `${id} ${name} ${p.line} ${p.ruleId}`),
        ...(f.fields ?? []).flatMap((c) => under(c, `${name}.${c.key}`)),
      ];
      return [...form.problems.map((p) => `${id} (row) ${p.line} ${p.ruleId}`), ...form.fields.flatMap((f) => under(f, f.key))];
    });
    assert.ok(col('contract.end') > 0);
    // Every problem of the file is somewhere, in the same place in both panels.
    assert.deepEqual(cells.map((c) => c.split(' ').slice(2).join(' ')).sort(), all);
    assert.deepEqual(cells.sort(), forms.sort());
    assert.deepEqual(cells, [
      'SP-01 contract.end 8 date/order',
      'SP-01 contract.end 8 partner/contract-expired',
      'SP-01 tier 7 vocab/unknown',
      // A YAML problem names no record: placed by its line, under the key written twice.
      'SP-02 name 11 yaml/duplicate-key',
      'SP-02 owner 14 ref/missing',
    ]);
  });
});
