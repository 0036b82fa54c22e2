import { strict as assert } from 'node:assert';
import type { ToForm, WorkspaceModel } from '../../src/core';
import type { EditorDocument } from '../../src/vscode/documentHost';
import { FormSession, type FormSessionHost, type RecordTarget } from '../../src/vscode/form/session';
import { openMem } from '../core/memfs';

/** A bakery's price list, edited from a form while someone else types in the same file. */
const PRICES = `# 价目表 — 2026 春
products:
  - id: MB-01 # 全麦
    name: 全麦面包
    category: 面包
    currency: CNY
    list_price: 18
    floor_price: 15
`;

class FakeEditor implements FormSessionHost {
  readonly posted: ToForm[] = [];
  readonly applied: { start: number; end: number; newText: string }[] = [];
  text: string;
  version = 1;
  refuse = false;

  constructor(
    private readonly ws: WorkspaceModel,
    private readonly file: string,
  ) {
    this.text = ws.parsedFile(file)?.text ?? '';
  }

  async document(file: string): Promise<EditorDocument | undefined> {
    if (file !== this.file) return undefined;
    return { version: this.version, getText: () => this.text };
  }

  async apply(_file: string, start: number, end: number, newText: string): Promise<boolean> {
    if (this.refuse) return false;
    this.applied.push({ start, end, newText });
    this.type(this.text.slice(0, start) + newText + this.text.slice(end));
    return true;
  }

  /** Someone (the form or a person in the text editor) changes the document; the model lags until `sync`. */
  type(text: string): void {
    this.text = text;
    this.version++;
  }

  sync(): void {
    this.ws.setFile(this.file, this.text);
  }

  workspace(): WorkspaceModel {
    return this.ws;
  }

  post(msg: ToForm): void {
    this.posted.push(msg);
  }

  last(): ToForm {
    return this.posted[this.posted.length - 1] as ToForm;
  }
}

async function setup() {
  const { workspace } = await openMem({ 'catalog/prices.yaml': PRICES });
  const e = workspace.get('product', 'MB-01');
  assert.ok(e, 'the product is read');
  const target: RecordTarget = { kind: e.kind, id: e.id, file: e.file, doc: e.doc, path: [...e.path] };
  const editor = new FakeEditor(workspace, 'catalog/prices.yaml');
  return { editor, session: new FormSession(editor, target) };
}

describe('record form session (Edit as Form controller)', () => {
  it('posts the form with the document version once the model has read the text', async () => {
    const { editor, session } = await setup();
    assert.equal(await session.refresh(), true);
    const msg = editor.last();
    assert.equal(msg.type, 'form');
    assert.equal(msg.type === 'form' && msg.version, 1);
    assert.equal(msg.type === 'form' && msg.form.id, 'MB-01');
    editor.type(PRICES.replace('18', '19'));
    assert.equal(await session.refresh(), false, 'the model lags the document: wait for it');
    assert.equal(editor.posted.length, 1);
  });

  it('a change is one edit of exactly the changed value, and the new version is sent back', async () => {
    const { editor, session } = await setup();
    await session.refresh();
    await session.change({ type: 'change', version: 1, change: { op: 'set', path: ['list_price'], value: 19.5 } });
    assert.deepEqual(editor.applied.length, 1);
    assert.equal(editor.text, PRICES.replace('list_price: 18', 'list_price: 19.5'));
    assert.deepEqual(editor.last(), { type: 'version', version: 2 });
    // The next change, made against the version just sent, goes through too.
    await session.change({ type: 'change', version: 2, change: { op: 'set', path: ['floor_price'], value: 16 } });
    assert.equal(editor.text, PRICES.replace('list_price: 18', 'list_price: 19.5').replace('floor_price: 15', 'floor_price: 16'));
  });

  it('a change made against an older version is not applied: the form is redrawn with a warning', async () => {
    const { editor, session } = await setup();
    await session.refresh();
    const typed = PRICES.replace('name: 全麦面包', 'name: 全麦吐司');
    editor.type(typed);
    await session.change({ type: 'change', version: 1, change: { op: 'set', path: ['name'], value: '黑麦面包' } });
    assert.equal(editor.applied.length, 0);
    assert.equal(editor.text, typed, 'the other edit is kept');
    // The model has not read the new text yet: the redraw waits for it, the notice with it.
    assert.equal(editor.posted.length, 1);
    editor.sync();
    await session.refresh();
    const msg = editor.last();
    assert.equal(msg.type, 'form');
    if (msg.type !== 'form') return;
    assert.equal(msg.version, 2);
    assert.equal(msg.notice?.severity, 'warning');
    assert.match(msg.notice?.message ?? '', /catalog\/prices\.yaml changed while you were editing/);
    assert.equal(msg.form.fields.find((f) => f.key === 'name')?.value, '全麦吐司');
  });

  it('an edit the write layer refuses is reported, and nothing is written', async () => {
    const { editor, session } = await setup();
    await session.refresh();
    await session.change({ type: 'change', version: 1, change: { op: 'delete', path: ['supplier'] } });
    assert.equal(editor.applied.length, 0);
    const msg = editor.last();
    assert.equal(msg.type === 'form' && msg.notice?.severity, 'error');
    assert.match(msg.type === 'form' ? (msg.notice?.message ?? '') : '', /The change was not made: products\[0\]\.supplier is not in the file/);
  });

  it('an edit the editor rejects is reported', async () => {
    const { editor, session } = await setup();
    await session.refresh();
    editor.refuse = true;
    await session.change({ type: 'change', version: 1, change: { op: 'set', path: ['list_price'], value: 20 } });
    const msg = editor.last();
    assert.match(msg.type === 'form' ? (msg.notice?.message ?? '') : '', /did not accept the change/);
    assert.equal(editor.text, PRICES);
  });

  it('the form follows its record when the id is edited, by its place in the file', async () => {
    const { editor, session } = await setup();
    await session.refresh();
    await session.change({ type: 'change', version: 1, change: { op: 'set', path: ['id'], value: 'MB-001' } });
    editor.sync();
    await session.refresh();
    const msg = editor.last();
    assert.equal(msg.type === 'form' && msg.form.id, 'MB-001');
    assert.equal(session.record.id, 'MB-001');
  });

  it('a deleted record says so instead of showing stale fields', async () => {
    const { editor, session } = await setup();
    await session.refresh();
    editor.type('products: []\n');
    editor.sync();
    await session.refresh();
    assert.deepEqual(editor.last(), { type: 'gone', message: 'product "MB-01" is no longer in catalog/prices.yaml.' });
  });
});
