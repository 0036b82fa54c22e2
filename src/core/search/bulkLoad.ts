import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/**
 * Builds a MiniSearch index over many documents at once. `MiniSearch.add` walks its
 * radix tree once per token; here tokens are counted in hash maps first and the tree gets
 * one insertion per distinct term, through MiniSearch's own deserialisation (`loadJS`).
 * The result is the index `add` would have built (a test holds the two to the same results).
 */
export function loadMiniSearch<T>(documents: readonly T[], options: Options<T> & Required<Pick<Options<T>, 'extractField' | 'tokenize' | 'idField'>>): MiniSearch<T> {
  const { fields, extractField, tokenize, idField } = options;
  const fieldIds: Record<string, number> = {};
  fields.forEach((field, i) => (fieldIds[field] = i));
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  // Per term: flat (fieldId, shortId, termFrequency) triples, in insertion order.
  const postings: number[][] = [];
  // Per term: shortId * fieldCount + fieldId of its last posting, to count repeats in place.
  const lastSlot: number[] = [];
  const documentIds: Record<number, unknown> = {};
  const fieldLength: Record<number, number[]> = {};
  const totalLength = new Array<number>(fields.length).fill(0);

  documents.forEach((document, shortId) => {
    documentIds[shortId] = extractField(document, idField);
    const lengths: number[] = [];
    fields.forEach((field, fieldId) => {
      const value = extractField(document, field);
      if (value == null) return;
      const slot = shortId * fields.length + fieldId;
      let distinct = 0;
      for (const term of tokenize(String(value), field)) {
        let termId = termIds.get(term);
        if (termId === undefined) {
          termId = terms.length;
          termIds.set(term, termId);
          terms.push(term);
          postings.push([]);
          lastSlot.push(-1);
        }
        const list = postings[termId]!;
        if (lastSlot[termId] === slot) {
          list[list.length - 1]!++;
        } else {
          lastSlot[termId] = slot;
          list.push(fieldId, shortId, 1);
          distinct++;
        }
      }
      lengths[fieldId] = distinct;
      totalLength[fieldId]! += distinct;
    });
    fieldLength[shortId] = lengths;
  });

  function* index(): Generator<[string, Record<string, Record<string, number>>]> {
    for (let termId = 0; termId < terms.length; termId++) {
      const list = postings[termId]!;
      const data: Record<string, Record<string, number>> = {};
      for (let i = 0; i < list.length; i += 3) (data[list[i]!] ??= {})[list[i + 1]!] = list[i + 2]!;
      yield [terms[termId]!, data];
    }
  }

  const count = documents.length;
  const plain: AsPlainObject = {
    documentCount: count,
    nextId: count,
    documentIds,
    fieldIds,
    fieldLength,
    averageFieldLength: totalLength.map((total) => (count > 0 ? total / count : 0)),
    storedFields: {},
    dirtCount: 0,
    // loadJS only iterates the index, so it can be produced term by term.
    index: index() as unknown as AsPlainObject['index'],
    serializationVersion: 2,
  };
  return MiniSearch.loadJS(plain, options);
}
