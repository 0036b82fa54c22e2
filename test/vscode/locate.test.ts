import { strict as assert } from 'node:assert';
import { completionSite, mappingInsertPoint, nodeAt, nodeSpan } from '../../src/vscode/language/locate';

/** Text with a `|` cursor marker: the text without it and the cursor's offset. */
function at(src: string): [string, number] {
  const i = src.indexOf('|');
  return [src.slice(0, i) + src.slice(i + 1), i];
}

const PARTNERS = `partners:
  - id: PTN-MED-PETAL
    name: "Petal Social"
    regions: [RGN-EAST, RGN-SOUTH]
    contract: { start: 2026-03-01, end: 2026-07-31 }
`;

describe('locate: the YAML node under the cursor', () => {
  it('should find a value inside a list entry with its full path', () => {
    const hit = nodeAt(PARTNERS, PARTNERS.indexOf('PTN-MED') + 3);
    assert.deepEqual(hit && { path: hit.path, part: hit.part, value: hit.value }, { path: ['partners', 0, 'id'], part: 'value', value: 'PTN-MED-PETAL' });
  });

  it('should report a key as the key part of its path', () => {
    const hit = nodeAt(PARTNERS, PARTNERS.indexOf('regions') + 2);
    assert.deepEqual(hit && { path: hit.path, part: hit.part }, { path: ['partners', 0, 'regions'], part: 'key' });
  });

  it('should index items of flow sequences and keys of flow mappings', () => {
    assert.deepEqual(nodeAt(PARTNERS, PARTNERS.indexOf('RGN-SOUTH'))?.path, ['partners', 0, 'regions', 1]);
    assert.deepEqual(nodeAt(PARTNERS, PARTNERS.indexOf('2026-07-31'))?.path, ['partners', 0, 'contract', 'end']);
  });

  it('should include the quotes of a quoted scalar in its range', () => {
    const hit = nodeAt(PARTNERS, PARTNERS.indexOf('Petal'));
    assert.equal(PARTNERS.slice(hit?.start, hit?.end), '"Petal Social"');
  });

  it('should count a cursor right after a word as inside it', () => {
    const end = PARTNERS.indexOf('PTN-MED-PETAL') + 'PTN-MED-PETAL'.length;
    assert.equal(nodeAt(PARTNERS, end)?.value, 'PTN-MED-PETAL');
  });

  it('should find nodes in the second document of a multi-document file', () => {
    const text = 'id: A\n---\nid: B\nowner: PER-X\n';
    const hit = nodeAt(text, text.indexOf('PER-X'));
    assert.deepEqual(hit && { doc: hit.doc, path: hit.path }, { doc: 1, path: ['owner'] });
  });

  it('should give the span of a whole entity mapping', () => {
    const span = nodeSpan(PARTNERS, 0, ['partners', 0]);
    assert.ok(span);
    assert.ok(PARTNERS.slice(span.start, span.end).startsWith('id: PTN-MED-PETAL'));
    assert.ok(PARTNERS.slice(span.start, span.end).trimEnd().endsWith('}'));
  });

  it('should place a new field after the last line of a block mapping at its indentation', () => {
    const point = mappingInsertPoint(PARTNERS, 0, ['partners', 0]);
    assert.deepEqual(point && { offset: point.offset, indent: point.indent }, { offset: PARTNERS.length, indent: '    ' });
    assert.deepEqual(point?.keys, ['id', 'name', 'regions', 'contract']);
  });

  it('should not offer an insertion point in a flow mapping', () => {
    assert.equal(mappingInsertPoint(PARTNERS, 0, ['partners', 0, 'contract']), undefined);
  });

  it('should not throw on malformed or absurdly nested YAML', () => {
    assert.doesNotThrow(() => nodeAt('a: [b, {c: d\n  - :\n', 3));
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    assert.doesNotThrow(() => nodeAt(deep, 10));
  });
});

describe('locate: completion sites', () => {
  it('should see a partial value after a key as a value site of that field', () => {
    const [text, off] = at('partners:\n  - id: A\n    owner: PER-|\n');
    assert.deepEqual(completionSite(text, off), {
      type: 'value',
      doc: 0,
      path: ['partners', 0, 'owner'],
      start: off - 4,
      end: off,
      prefix: 'PER-',
      newItem: false,
    });
  });

  it('should see an empty value after a key as a value site', () => {
    const [text, off] = at('id: X\nstatus: |\n');
    assert.deepEqual(completionSite(text, off), { type: 'value', doc: 0, path: ['status'], start: off, end: off, prefix: '', newItem: false });
  });

  it('should see a word alone on a line as a new key of the enclosing mapping, listing the keys already there', () => {
    const [text, off] = at('partners:\n  - id: A\n    ow|\n    name: x\n');
    assert.deepEqual(completionSite(text, off), {
      type: 'key',
      doc: 0,
      mapPath: ['partners', 0],
      existing: ['id', 'name'],
      start: off - 2,
      end: off,
      prefix: 'ow',
    });
  });

  it('should see an empty indented line as a key site', () => {
    const [text, off] = at('id: X\ncontract:\n  start: 2026-01-01\n  |\n');
    const site = completionSite(text, off);
    assert.equal(site?.type, 'key');
    assert.deepEqual(site?.type === 'key' && site.mapPath, ['contract']);
  });

  it('should see an item of a flow sequence as a value site with its index', () => {
    const [text, off] = at('id: X\nregions: [RGN-EAST, R|]\n');
    const site = completionSite(text, off);
    assert.deepEqual(site?.type === 'value' && site.path, ['regions', 1]);
  });

  it('should mark a bare "- " item as a new item that may become a mapping', () => {
    const [text, off] = at('id: X\nobjectives:\n  - |\n');
    assert.deepEqual(completionSite(text, off), { type: 'value', doc: 0, path: ['objectives', 0], start: off, end: off, prefix: '', newItem: true });
  });

  it('should replace the whole word under the cursor, not just its prefix', () => {
    const [text, off] = at('id: X\nstatus: dr|aft\n');
    const site = completionSite(text, off);
    assert.equal(site && text.slice(site.start, site.end), 'draft');
    assert.equal(site?.prefix, 'dr');
  });

  it('should offer nothing inside a comment', () => {
    const [text, off] = at('id: X\n# note: sta|\n');
    assert.equal(completionSite(text, off), undefined);
  });
});
