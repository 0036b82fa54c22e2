import { strict as assert } from 'node:assert';
import { editFileText } from '../../src/core/edit/edit';
import { planMissingRecord, sharedStem } from '../../src/core/create/missing';
import { openMem, opsPacks } from './memfs';

// A tea chain's register: a partner names an owner (E-9) and a region nobody wrote yet.
const PEOPLE = `# 员工名册
people:
  - id: E-1   # 采购主管
    name: 陈静
    role: 采购
`;
const FILES = {
  'org/people.yaml': PEOPLE,
  'partners/list.yaml': 'partners:\n  - id: HZ-001\n    name: 杭州茶源\n    type: supplier\n    status: active\n    owner: E-9\n',
};

async function template(kind: string): Promise<string> {
  const pack = opsPacks().get('ops')!;
  return (await pack.read(`templates/${kind}.${kind === 'project' || kind === 'standard' || kind === 'brand' ? 'md' : 'yaml'}`))!;
}

describe('create missing record: the quick fix on ref/missing', () => {
  it('appends the person to the register the people are kept in, with the id, the name and the required fields only', async () => {
    const { workspace } = await openMem(FILES);
    const plan = planMissingRecord(workspace, 'person', 'E-9', await template('person'));
    assert.equal(plan.type, 'append');
    if (plan.type !== 'append') return;
    assert.equal(plan.file, 'org/people.yaml');
    const out = editFileText(plan.format, PEOPLE, plan.doc, plan.op);
    assert.ok(out.ok);
    assert.equal(out.text, PEOPLE + '  - id: E-9\n    name: E-9\n    role: ROLE\n');
    const after = await openMem({ ...FILES, 'org/people.yaml': out.text });
    assert.deepEqual(
      after.workspace.diagnostics().filter((d) => d.ruleId === 'ref/missing'),
      [],
      'the reference resolves',
    );
  });

  it('creates a new file from the template for kinds kept one per file, and never over an existing one', async () => {
    const { workspace } = await openMem({ ...FILES, 'plans/q3.yaml': 'id: Q3\ntitle: 三季度\nperiod: 2026-Q3\nowner: E-1\nstatus: draft\nparent: 全年计划\n' });
    const plan = planMissingRecord(workspace, 'plan', '全年计划', await template('plan'));
    assert.equal(plan.type, 'create');
    if (plan.type !== 'create') return;
    assert.equal(plan.file, 'plans/全年计划.yaml');
    assert.match(plan.text, /^id: "全年计划"$/m);
    const taken = planMissingRecord(workspace, 'plan', 'Q3', await template('plan'));
    assert.deepEqual(taken, { type: 'refused', message: 'plan Q3 already exists' });
  });

  it("writes the kind's own file from the whole template when the kind has no record yet", async () => {
    const { workspace } = await openMem({ 'partners/list.yaml': FILES['partners/list.yaml'] });
    const plan = planMissingRecord(workspace, 'person', 'E-9', await template('person'));
    assert.equal(plan.type, 'create');
    if (plan.type === 'create') {
      assert.equal(plan.file, 'org/people.yaml');
      assert.match(plan.text, /^ {2}- id: "E-9"$/m);
    }
  });
  it('appends to the register that keeps ids like the new one, else to the one with the most records', async () => {
    // A tea chain keeps its growers (GY-) and its stores' landlords (FD-) in two files; the landlords' is longer.
    const growers = 'partners:\n  - id: GY-001\n    name: 安溪茶农合作社\n    type: supplier\n    status: active\n';
    const landlords =
      'partners:\n' + ['FD-001', 'FD-002', 'FD-003'].map((id) => `  - id: ${id}\n    name: 房东${id}\n    type: landlord\n    status: active\n`).join('');
    const { workspace } = await openMem({ 'partners/growers.yaml': growers, 'partners/landlords.yaml': landlords });
    const tpl = await template('partner');
    const grower = planMissingRecord(workspace, 'partner', 'GY-017', tpl);
    assert.equal(grower.type === 'append' && grower.file, 'partners/growers.yaml');
    const other = planMissingRecord(workspace, 'partner', '武夷山茶厂', tpl);
    assert.equal(other.type === 'append' && other.file, 'partners/landlords.yaml');
  });

  it('measures how much of an id two ids share by whole separated parts', () => {
    assert.equal(sharedStem('PTN-SUP-GHOSTWOOD', 'PTN-SUP-FITRIGHT'), 8);
    assert.equal(sharedStem('PTN-SUP-GHOSTWOOD', 'PTN-CH-HUAXIA'), 4);
    assert.equal(sharedStem('GY-017', 'GY-001'), 3);
    assert.equal(sharedStem('SKU1001', 'SKU1002'), 0);
    assert.equal(sharedStem('E-9', 'F-9'), 0);
  });
});
