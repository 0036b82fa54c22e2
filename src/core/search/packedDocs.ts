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
  const columns: Columns = {
    kind: data.column('kind'),
    id: data.column('id'),
    title: data.column('title'),
    file: data.column('file'),
    line: data.i32('line'),
    textLine: data.i32('textLine'),
    text: data.lazyStrings('text'),
    fields: data.lazyStrings('fields'),
    anchor: data.lazyStrings('anchor'),
  };
  const n = key.length;
  if (Object.values(columns).some((c) => c.length !== n)) throw new Error('search index: document columns do not line up');
  const docs = new Array<SearchDoc>(n);
  for (let i = 0; i < n; i++) docs[i] = new PackedDoc(i, key[i]!, columns);
  return docs;
}

type Column = { length: number; at(i: number): string };

interface Columns {
  kind: Column;
  id: Column;
  title: Column;
  file: Column;
  line: Int32Array;
  textLine: Int32Array;
  text: Column;
  fields: Column;
  anchor: Column;
}

/** A search document read from the columns when a query needs it: most never are. */
class PackedDoc implements SearchDoc {
  #text: string | undefined;
  #fields: Record<string, unknown> | undefined;

  constructor(
    private readonly index: number,
    readonly key: string,
    private readonly columns: Columns,
  ) {}

  get kind(): string {
    return this.columns.kind.at(this.index);
  }

  get id(): string {
    return this.columns.id.at(this.index);
  }

  get title(): string {
    return this.columns.title.at(this.index);
  }

  get file(): string {
    return this.columns.file.at(this.index);
  }

  get line(): number {
    return this.columns.line[this.index]!;
  }

  get textLine(): number {
    return this.columns.textLine[this.index]!;
  }

  get anchor(): SearchDoc['anchor'] {
    const json = this.columns.anchor.at(this.index);
    return json ? (JSON.parse(json) as SearchDoc['anchor']) : undefined;
  }

  get text(): string {
    return (this.#text ??= this.columns.text.at(this.index));
  }

  get fields(): Record<string, unknown> {
    this.#fields ??= JSON.parse(this.columns.fields.at(this.index), (_key, value: unknown) =>
      value && typeof value === 'object' && NON_FINITE in value ? Number((value as Record<string, string>)[NON_FINITE]) : value,
    ) as Record<string, unknown>;
    return this.#fields;
  }
}
