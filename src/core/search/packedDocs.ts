import type { SectionReader, SectionWriter } from './sections';
import type { SearchDoc } from './types';

const NON_FINITE = '\u0000opsbook:number';

/**
 * Writes search documents as columns: key, kind, id, title and file read back whole; body text
 * and fields (JSON) one document at a time, when a query needs them. False when a document
 * holds something JSON would not give back as it was (a date object, `undefined`) or a string
 * UTF-8 cannot hold: such an index is not cached.
 */
export function packDocs(docs: readonly SearchDoc[], out: SectionWriter): boolean {
  let exact = true;
  const replacer = function (this: unknown, key: string, value: unknown): unknown {
    const raw = (this as Record<string, unknown>)[key];
    if (
      raw === undefined ||
      (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.getPrototypeOf(raw) !== Object.prototype && Object.getPrototypeOf(raw) !== null)
    )
      exact = false;
    if (typeof value === 'number' && !Number.isFinite(value)) return { [NON_FINITE]: String(value) };
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') exact = false;
    return value;
  };
  const fields = docs.map((d) => JSON.stringify(d.fields, replacer));
  if (!exact) return false;
  return (
    out.strings(
      'key',
      docs.map((d) => d.key),
      true,
    ) &&
    out.strings(
      'kind',
      docs.map((d) => d.kind),
      true,
    ) &&
    out.strings(
      'id',
      docs.map((d) => d.id),
      true,
    ) &&
    out.strings(
      'title',
      docs.map((d) => d.title),
      true,
    ) &&
    out.strings(
      'file',
      docs.map((d) => d.file),
      true,
    ) &&
    out.strings(
      'text',
      docs.map((d) => d.text),
      false,
    ) &&
    out.strings('fields', fields, false) &&
    out.strings(
      'anchor',
      docs.map((d) => (d.anchor ? JSON.stringify(d.anchor) : '')),
      false,
    ) &&
    (out.i32(
      'line',
      Int32Array.from(docs, (d) => d.line),
    ),
    out.i32(
      'textLine',
      Int32Array.from(docs, (d) => d.textLine),
    ),
    true)
  );
}

/** The documents `packDocs` wrote; throws when the columns do not line up. */
export function unpackDocs(data: SectionReader): SearchDoc[] {
  const key = data.strings('key');
  const kind = data.strings('kind');
  const id = data.strings('id');
  const title = data.strings('title');
  const file = data.strings('file');
  const line = data.i32('line');
  const textLine = data.i32('textLine');
  const text = data.lazyStrings('text');
  const fields = data.lazyStrings('fields');
  const anchors = data.lazyStrings('anchor');
  const n = key.length;
  if ([anchors.length, kind.length, id.length, title.length, file.length, line.length, textLine.length, text.length, fields.length].some((l) => l !== n))
    throw new Error('search index: document columns do not line up');
  const docs = new Array<SearchDoc>(n);
  for (let i = 0; i < n; i++) docs[i] = new PackedDoc(i, key[i]!, kind[i]!, id[i]!, title[i]!, file[i]!, line[i]!, textLine[i]!, text, fields, anchors);
  return docs;
}

type Column = { at(i: number): string };

/** A search document whose text and fields are decoded on first use. */
class PackedDoc implements SearchDoc {
  #text: string | undefined;
  #fields: Record<string, unknown> | undefined;

  constructor(
    private readonly index: number,
    readonly key: string,
    readonly kind: string,
    readonly id: string,
    readonly title: string,
    readonly file: string,
    readonly line: number,
    readonly textLine: number,
    private readonly texts: Column,
    private readonly fieldsColumn: Column,
    private readonly anchors: Column,
  ) {}

  get anchor(): SearchDoc['anchor'] {
    const json = this.anchors.at(this.index);
    return json ? (JSON.parse(json) as SearchDoc['anchor']) : undefined;
  }

  get text(): string {
    return (this.#text ??= this.texts.at(this.index));
  }

  get fields(): Record<string, unknown> {
    this.#fields ??= JSON.parse(this.fieldsColumn.at(this.index), (_key, value: unknown) =>
      value && typeof value === 'object' && NON_FINITE in value ? Number((value as Record<string, string>)[NON_FINITE]) : value,
    ) as Record<string, unknown>;
    return this.#fields;
  }
}
