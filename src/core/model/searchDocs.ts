import type { SearchDoc } from '../search';
import type { Workspace } from './workspace';

/** The search documents of one file: its entities, or the file itself when it is plain Markdown. */
export function searchDocsOf(ws: Workspace, file: string): SearchDoc[] {
  const parsed = ws.parsedFile(file);
  if (!parsed || parsed.skipped) return [];
  const body = parsed.body;
  const entities = ws.entitiesIn(file);
  const docs: SearchDoc[] = [];
  if (entities.length === 0) {
    if (!body) return [];
    const heading = body.sections[0]?.heading;
    docs.push({ key: `doc:${file}`, kind: 'document', id: '', title: heading || file, file, line: 1, fields: {}, text: body.text, textLine: body.line });
    return docs;
  }
  for (const e of entities) {
    // Lines are resolved lazily: a search hit asks for them, not indexing.
    const isRoot = e.doc === 0 && e.path.length === 0;
    docs.push({
      key: `${e.kind}:${e.id}:${e.file}:${e.doc}:${e.path.join('.')}`,
      kind: e.kind,
      id: e.id,
      title: e.title,
      file,
      line: isRoot ? 1 : 0,
      fields: e.data,
      text: isRoot && body ? body.text : '',
      textLine: body?.line ?? 1,
    });
  }
  return docs;
}
