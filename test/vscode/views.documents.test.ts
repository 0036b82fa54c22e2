import * as assert from 'node:assert/strict';
import { buildDocumentsView } from '../../src/vscode/views/documentView';
import { findNode, type ViewNode } from '../../src/vscode/views/viewNode';
import { SAMPLE_KEY, inlineFolder, sampleFolder } from './views.fixture';

async function documents(): Promise<ViewNode[]> {
  return buildDocumentsView([await sampleFolder()]);
}

function standard(id: string, status: string, extra = ''): string {
  return `---\nid: ${id}\ntitle: Standard ${id}\nowner: PER-X\nstatus: ${status}\nversion: 1.0.0\neffective: 2025-01-01\n${extra}---\n\n# Body\n`;
}

describe('Documents view', () => {
  it('should group standards and brand chapters by status in workflow order', async () => {
    assert.deepEqual(
      (await documents()).map((g) => [g.label, g.expanded]),
      [
        ['Approved (8)', true],
        ['In review (2)', true],
        ['Draft (1)', true],
      ],
    );
  });

  it('should show each document’s id, version and effective date', async () => {
    const doc = findNode(await documents(), (n) => n.entity?.id === 'STD-SVC-001');
    assert.equal(doc?.label, 'Customer service standard');
    assert.equal(doc?.description, 'STD-SVC-001 · v3.2.0 · effective 2026-01-01');
    assert.deepEqual(doc?.icon, { id: 'law' });
    assert.deepEqual(doc?.location, { folder: SAMPLE_KEY, file: 'standards/STD-SVC-001-customer-service.md', line: 2 });
  });

  it('should use a book icon for brand chapters and list them with the standards', async () => {
    const approved = (await documents())[0] as ViewNode;
    assert.deepEqual(
      approved.children.map((d) => d.entity?.id),
      ['BRD-COLOUR', 'BRD-IDENTITY', 'BRD-VM', 'STD-MALL-006', 'STD-OPS-002', 'STD-RET-004', 'STD-SVC-001', 'STD-VM-003'],
    );
    assert.deepEqual(approved.children[0]?.icon, { id: 'book' });
  });

  it('should mark a document whose review date has passed', async () => {
    const roots = buildDocumentsView([
      await inlineFolder({ 'standards/a.md': standard('STD-A', 'approved', 'approved_by: [PER-X]\nreview_due: 2026-06-01\n') }),
    ]);
    const doc = findNode(roots, (n) => n.entity?.id === 'STD-A');
    assert.equal(doc?.description, 'STD-A · v1.0.0 · effective 2025-01-01 · review overdue since 2026-06-01');
    assert.deepEqual(doc?.icon, { id: 'warning', color: 'list.warningForeground' });
    assert.deepEqual(
      doc?.tooltip?.rows.find(([k]) => k === 'Review due'),
      ['Review due', '2026-06-01 (overdue)'],
    );
  });

  it('should collapse retired documents and not nag about their review', async () => {
    const roots = buildDocumentsView([await inlineFolder({ 'standards/r.md': standard('STD-R', 'retired', 'review_due: 2026-01-01\n') })]);
    assert.deepEqual(
      roots.map((g) => [g.label, g.expanded]),
      [['Retired (1)', undefined]],
    );
    assert.equal(roots[0]?.children[0]?.description, 'STD-R · v1.0.0 · effective 2025-01-01');
  });

  it('should give a status outside the vocabulary its own group so no document hides', async () => {
    const roots = buildDocumentsView([await inlineFolder({ 'standards/a.md': standard('STD-A', 'draft'), 'standards/b.md': standard('STD-B', 'obsolete') })]);
    assert.deepEqual(
      roots.map((g) => g.label),
      ['Draft (1)', 'obsolete (1)'],
    );
  });

  it('should be empty when there are no standards or brand chapters', async () => {
    assert.deepEqual(buildDocumentsView([await inlineFolder({ 'org/courses.yaml': 'courses: []\n' })]), []);
  });
});
