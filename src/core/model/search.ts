import { SearchIndex } from '../search/searchIndex';
import type { SectionWriter } from '../search/sections';
import type { SearchOptions, SearchResponse } from '../search/types';
import { searchDocsOf } from './searchDocs';
import type { WorkspaceModel as Workspace } from './queries';

/** The workspace's search index, kept in step with file changes one file at a time. */
export class WorkspaceSearch {
  private readonly index = new SearchIndex();
  private readonly keysByFile = new Map<string, string[]>();

  constructor(private readonly ws: Workspace) {
    for (const f of ws.filePaths()) this.addFile(f);
  }

  private addFile(file: string): void {
    const docs = searchDocsOf(this.ws, file);
    for (const d of docs) this.index.add(d);
    if (docs.length > 0)
      this.keysByFile.set(
        file,
        docs.map((d) => d.key),
      );
  }

  /** Re-indexes files after `Workspace.setFile` / `deleteFile`. */
  update(files: Iterable<string>): void {
    for (const f of files) {
      for (const k of this.keysByFile.get(f) ?? []) this.index.remove(k);
      this.keysByFile.delete(f);
      if (this.ws.parsedFile(f)) this.addFile(f);
    }
  }

  /** Writes the index for the warm-start cache (see `SearchIndex.pack`). */
  pack(out: SectionWriter): boolean {
    return this.index.pack(out);
  }

  search(query: string, options?: SearchOptions): SearchResponse {
    const res = this.index.search(query, { fiscalYearStart: this.ws.config.fiscalYearStart, ...options });
    for (const hit of res.results) {
      if (hit.line > 0) continue;
      const e = this.ws.entitiesIn(hit.file).find((x) => x.kind === hit.kind && x.id === hit.id);
      hit.line = e ? this.ws.entityRange(e).start.line : 1;
    }
    return res;
  }
}
