import type { SectionReader, SectionWriter } from '../search/sections';
import type { CachedFile } from '../host';
import type { TableView } from './verify';

/** The file table an answer was computed from, in columns (paths, hashes, sizes, times). False when a path cannot be stored. */
export function writeTable(out: SectionWriter, files: Record<string, CachedFile>): boolean {
  const paths = Object.keys(files);
  if (
    !out.strings('table.paths', paths, true) ||
    !out.strings(
      'table.hashes',
      paths.map((p) => files[p]!.hash),
      true,
    )
  )
    return false;
  out.f64(
    'table.sizes',
    Float64Array.from(paths, (p) => files[p]!.size),
  );
  out.f64(
    'table.mtimes',
    Float64Array.from(paths, (p) => files[p]!.mtimeMs),
  );
  return true;
}

/** The table `writeTable` wrote, by path; undefined when its columns do not agree. */
export function readTable(data: SectionReader): (TableView & { paths: string[] }) | undefined {
  const paths = data.strings('table.paths');
  const hashes = data.strings('table.hashes');
  const sizes = data.f64('table.sizes');
  const mtimes = data.f64('table.mtimes');
  const n = paths.length;
  if (hashes.length !== n || sizes.length !== n || mtimes.length !== n) return undefined;
  const row = new Map(paths.map((p, i) => [p, i]));
  if (row.size !== n) return undefined;
  return {
    paths,
    size: n,
    get: (p) => {
      const i = row.get(p);
      return i === undefined ? undefined : { size: sizes[i]!, mtimeMs: mtimes[i]!, hash: hashes[i]! };
    },
  };
}
