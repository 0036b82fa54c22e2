import type { SearchDoc } from '../search/types';
import type { JsonValue, NodePath } from '../types';
import type { WorkspaceModel as Workspace } from './queries';

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
      text: [isRoot && body ? body.text : '', ...aliasedWords(parsed.docs[e.doc], e.path, e.data)].filter(Boolean).join('\n'),
      textLine: body?.line ?? 1,
      anchor: { doc: e.doc, path: e.path },
    });
  }
  return docs;
}

/**
 * The company's own words that the entity's data reads as their meanings (`合作中` for `active`),
 * so a search for the word the file shows still finds the entity; filters use the meaning.
 */
function aliasedWords(doc: JsonValue | undefined, path: NodePath, canonical: JsonValue): string[] {
  let raw: JsonValue | undefined = doc;
  for (const seg of path) raw = raw && typeof raw === 'object' ? (raw as Record<string | number, JsonValue>)[seg] : undefined;
  if (raw === canonical || raw === undefined) return [];
  const out: string[] = [];
  const walk = (a: JsonValue | undefined, b: JsonValue | undefined, depth: number): void => {
    if (a === b || depth > 12) return;
    if (typeof a === 'string' && typeof b === 'string') out.push(a);
    else if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const k of Object.keys(a)) walk((a as Record<string, JsonValue>)[k], (b as Record<string, JsonValue>)[k], depth + 1);
    }
  };
  walk(raw, canonical, 0);
  return out;
}
