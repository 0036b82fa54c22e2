import { strict as assert } from 'node:assert';
import type { EntityChange, WorkspaceDiff } from '../../src/core/diff/types';
import { formatDiffJson } from '../../src/cli/format/diffJson';
import { formatDiffMarkdown, mdCode, mdText } from '../../src/cli/format/diffMarkdown';
import type { DiffReport } from '../../src/cli/format/diffReport';
import { formatDiffText } from '../../src/cli/format/diffText';

function change(over: Partial<EntityChange>): EntityChange {
  return {
    kind: 'product',
    id: 'SKU-1',
    title: 'Sofa',
    change: 'modified',
    file: 'catalog/a.yaml',
    line: 2,
    fields: [],
    sections: [],
    nested: [],
    approvers: [],
    review: [],
    ...over,
  };
}

function report(changes: EntityChange[], extra: Partial<WorkspaceDiff> = {}): DiffReport {
  return {
    base: 'main',
    head: 'feature',
    baseCommit: 'a'.repeat(40),
    headCommit: 'b'.repeat(40),
    diff: { changes, parseErrors: [], review: [], approvers: [], introduced: [], resolved: [], ...extra },
  };
}

describe('diff formats', () => {
  it('phrases a price change in business terms in every format', () => {
    const r = report([change({ fields: [{ path: 'list_price', change: 'changed', before: 1999, after: 2199, delta: 200, percent: 10.01 }] })]);
    assert.match(formatDiffMarkdown(r), /\*\*Sofa\*\* \(SKU-1\) — list\\_price 1999 → 2199 \(\+200, \+10\.0%\)/);
    assert.match(formatDiffText(r), /list_price 1999 → 2199 \(\+200, \+10\.0%\)/);
    assert.match(formatDiffText(r), /^product Sofa \(SKU-1\) {2}\(catalog\/a\.yaml:2\)$/m);
    const j = JSON.parse(formatDiffJson(r));
    assert.deepEqual(j.changes[0].fields, [{ path: 'list_price', before: 1999, after: 2199, change: 'changed', delta: 200, percent: 10.01 }]);
    assert.deepEqual(Object.keys(j).slice(0, 3), ['version', 'base', 'head']);
    assert.ok(['changes', 'approvers', 'diagnostics'].every((k) => k in j));
  });

  it('names an entity by its title first, by its id alone when it has none', () => {
    const r = report([
      change({ id: '门店-007', title: '门店-007', fields: [{ path: 'area', change: 'changed', before: 80, after: 96, delta: 16, percent: 20 }] }),
    ]);
    assert.match(formatDiffText(r), /^product 门店-007 {2}\(catalog\/a\.yaml:2\)$/m);
    assert.match(formatDiffMarkdown(r), /^- \*\*门店-007\*\* — area 80 → 96/m);
    const zh = report([change({ id: '门店-007', title: '静安寺店', fields: [] })]);
    assert.match(formatDiffMarkdown(zh), /^- \*\*静安寺店\*\* \(门店-007\) — /m);
  });

  it('writes before or after as null for fields that exist on one side only', () => {
    const j = JSON.parse(formatDiffJson(report([change({ fields: [{ path: 'floor_price', change: 'added', after: 800 }] })])));
    assert.deepEqual(j.changes[0].fields[0], { path: 'floor_price', before: null, after: 800, change: 'added' });
  });

  it('escapes document values so they cannot add HTML, markup or mentions', () => {
    const hostile = '<img src=x onerror=alert(1)> **bold** [link](http://x) @everyone | `tick';
    const md = formatDiffMarkdown(report([change({ title: hostile, fields: [{ path: 'name', change: 'changed', before: 'a`b', after: hostile }] })]));
    const title = mdText(hostile);
    assert.ok(md.includes(`**${title}** (SKU-1) — name ${mdCode('a`b')} → ${mdCode(hostile)}`), md);
    // Text outside code spans carries no live HTML, emphasis, link or mention; code spans show values verbatim.
    assert.ok(!/[<>]|@everyone|[^\\][*[`]/.test(title), title);
    assert.ok(md.includes('&lt;img src=x onerror=alert\\(1\\)&gt;'));
    assert.ok(md.includes('\\*\\*bold\\*\\*'));
    assert.ok(md.includes('``a`b``'), md);
    assert.equal(mdText('a|b\nc'), 'a\\|b c');
    assert.equal(mdCode('``x'), '``` ``x ```');
  });

  it('folds long lists into <details> and caps the comment with a note', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      change({
        id: `SKU-${String(i).padStart(4, '0')}`,
        title: `Product ${i} with a fairly long descriptive name`,
        fields: [{ path: 'list_price', change: 'changed', before: 100, after: 110, delta: 10, percent: 10 }],
      }),
    );
    const md = formatDiffMarkdown(report(many));
    assert.ok(new TextEncoder().encode(md).length <= 60_000, String(md.length));
    assert.match(md, /\| product \| · \| · \| 3000 \| · \| · \|/);
    assert.match(md, /<details><summary>3000 changes<\/summary>/);
    assert.match(md, /✂️ Output truncated at 60 KB: \d+ more blocks? of details not shown\. Run `opsbook diff main feature --format json` for everything\./);
    assert.equal(md.split('<details>').length, md.split('</details>').length);
  });

  it('describes section changes: reworded with an excerpt, added, retitled', () => {
    const r = report([
      change({
        kind: 'standard',
        id: 'STD-1',
        title: 'Service',
        review: ['review/version-not-bumped'],
        sections: [
          {
            heading: '3.2 Greeting',
            change: 'changed',
            clause: '3.2',
            level: 3,
            textChanged: true,
            line: 20,
            hunks: [{ before: 'within', removed: '30', added: '45', after: 'seconds', leadingCut: true, trailingCut: true }],
            hunkCount: 1,
          },
          { heading: '3.5 Gift wrapping', change: 'added', clause: '3.5', level: 3, textChanged: false, line: 40 },
          { heading: '4 Complaints handling', change: 'renamed', previousHeading: '4 Complaints', clause: '4', level: 2, textChanged: false, line: 50 },
        ],
      }),
    ]);
    const md = formatDiffMarkdown(r);
    assert.match(md, /\*\*Service\*\* \(STD-1\) — 3 sections changed, \*\*version not bumped\*\*/);
    assert.match(md, /- clause 3\.2 reworded:\n {4}> … within ~~30~~ \*\*45\*\* seconds …/);
    assert.match(md, /- clause 3\.5 added \("Gift wrapping"\)/);
    assert.match(md, /- clause 4 retitled "4 Complaints" → "4 Complaints handling"/);
    assert.match(formatDiffText(r), /clause 3\.2 reworded\n {6}… within \[-30-\] \{\+45\+\} seconds …/);
  });
});
