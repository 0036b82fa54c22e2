import { strict as assert } from 'node:assert';
import { planImport, type InputCell, type OpsbookWorkspace } from '../../src/core';
import { minimalReplacement, previewLines, splitWrites, type TextReplacement } from '../../src/vscode/sheets/preview';
import { openMem } from '../core/memfs';

const PARTNERS = `# 合作伙伴名录（华南区）
partners:
  - id: HN-01
    name: 广州茶博城
    type: channel
    status: active
    tier: 金牌   # 年采购额 > 100 万
  - id: HN-02
    name: 深圳茶仓
    type: supplier
    status: prospect
`;

async function open(): Promise<OpsbookWorkspace> {
  const { workspace } = await openMem({
    'opsbook.yaml': 'vocabularies:\n  partner.tier: [金牌, 银牌, 铜牌]\n',
    'partners/华南.yaml': PARTNERS,
  });
  assert.deepEqual(workspace.diagnostics(), []);
  return workspace;
}

/** Applies a replacement the way the editor does: by zero-based line and character. */
function apply(text: string, r: TextReplacement): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(r.start)) + r.text + text.slice(offset(r.end));
}

const HEADER: InputCell[] = ['id', 'name', 'type', 'status', 'tier'];

describe('import from spreadsheet: preview and edits', () => {
  it('previews Apply and Cancel, then each record in the Changes view phrasing, then the ignored columns', async () => {
    const ws = await open();
    const plan = planImport(ws, 'partner', [
      [...HEADER, 'teir'],
      ['HN-01', '广州茶博城', 'channel', 'active', '金牌', 'x'],
      ['HN-02', '深圳茶仓', 'supplier', 'active', '银牌', ''],
      ['HN-03', '佛山茶叶市场', 'channel', 'prospect', '铜牌', ''],
    ]);
    assert.deepEqual(previewLines(plan), [
      { label: '$(check) Apply: 1 added, 1 modified', description: 'partners/华南.yaml', action: 'apply' },
      { label: '$(close) Cancel', action: 'cancel' },
      { label: 'Changes', separator: true },
      { label: '$(edit) 深圳茶仓 (HN-02)', description: 'modified · partners/华南.yaml:8', detail: 'status prospect → active · tier added: 银牌' },
      { label: '$(add) 佛山茶叶市场 (HN-03)', description: 'added · partners/华南.yaml:13' },
      { label: 'Ignored columns', separator: true },
      { label: '$(info) column "teir" ignored: no such field (did you mean "tier"?)' },
    ]);
  });

  it('shows rejected rows with their spreadsheet row numbers and offers no Apply', async () => {
    const ws = await open();
    const plan = planImport(ws, 'partner', [HEADER, ['HN-01', '广州茶博城', 'channel', 'active', '金卡'], ['HN-02', '深圳茶仓', 'supplier', 'paused', '']]);
    assert.deepEqual(previewLines(plan), [
      { label: 'Nothing was written: 2 rows rejected', separator: true },
      { label: '$(error) row 2 (HN-01), tier: "金卡" is not in vocabulary partner.tier (金牌, 银牌, 铜牌); did you mean "金牌"?' },
      { label: '$(error) row 3 (HN-02), status: "paused" is not in vocabulary partner.status (prospect, active, suspended, ended)' },
    ]);
    assert.deepEqual(splitWrites(plan), { create: [], edit: [] });
  });

  it('turns the plan into one replacement per file that covers only the changed lines and yields the planned text', async () => {
    const ws = await open();
    const plan = planImport(ws, 'partner', [HEADER, ['HN-02', '深圳茶仓', 'supplier', 'active', '']]);
    const { create, edit } = splitWrites(plan);
    assert.deepEqual(create, []);
    assert.equal(edit.length, 1);
    assert.deepEqual(edit[0]!.replacement, { start: { line: 10, character: 0 }, end: { line: 10, character: 20 }, text: '    status: active' });
    assert.equal(apply(PARTNERS, edit[0]!.replacement), edit[0]!.after);
    assert.equal(edit[0]!.after, PARTNERS.replace('status: prospect', 'status: active'));
  });

  it('computes no replacement for equal texts and whole-line replacements otherwise', () => {
    assert.equal(minimalReplacement('a\nb\n', 'a\nb\n'), undefined);
    assert.deepEqual(minimalReplacement('a: 1\nb: 2\nc: 3\n', 'a: 1\nb: 20\nc: 3\n'), {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 4 },
      text: 'b: 20',
    });
    assert.deepEqual(minimalReplacement('a: 1\n', 'a: 1\nb: 2\n'), { start: { line: 1, character: 0 }, end: { line: 1, character: 0 }, text: 'b: 2\n' });
  });
});
