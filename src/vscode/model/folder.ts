import * as vscode from 'vscode';
import {
  checkFromCache,
  type ConfigProblem,
  decodeText,
  type Diagnostic,
  fileFilter,
  openWorkspace,
  type OpsbookWorkspace,
  type PackSource,
  prepareWorkspace,
  type SchemaCache,
} from '../../core';
import { engineInputs } from '../../node/engineInputs';
import type { FolderModel } from '../api';
import { localLinkResolver } from '../host/localLinks';
import { VscodeWorkspaceFs } from '../host/workspaceFs';
import { folderSettings, type FolderSettings } from '../settings';
import { inChunks, yieldToEventLoop } from './batcher';

/** Top-level folders of the built-in `ops` pack: their presence makes a folder an Opsbook folder. */
const OPS_FOLDERS = ['plans', 'standards', 'brand', 'partners', 'projects', 'catalog', 'inventory', 'finance'];

/** Files read and applied per chunk of a change batch, between which the extension host breathes
 * (16 keeps a chunk well under 50 ms: test/core/storm.test.ts). */
const CHUNK = 16;

export type FolderState = 'inactive' | 'loading' | 'ready' | 'failed';

/**
 * The engine of one workspace folder. The object lives as long as the folder; rebuilding
 * (configuration or settings changed) swaps the `OpsbookWorkspace` inside, so holders stay valid.
 */
export class OpsbookFolder implements FolderModel {
  readonly fs: VscodeWorkspaceFs;
  state: FolderState = 'inactive';
  settings: FolderSettings;
  configProblems: readonly ConfigProblem[] = [];
  private ws: OpsbookWorkspace | undefined;
  private filter = fileFilter(['**/*.md', '**/*.yml', '**/*.yaml'], ['node_modules/**', '.git/**']);
  /** Bumped by every rebuild: work started for an older engine is dropped. */
  generation = 0;
  /** Told when the warm-start cache cannot be written. */
  onCacheError: ((err: unknown) => void) | undefined;
  private pendingCacheWrite: ((diagnostics?: Diagnostic[]) => Promise<void>) | undefined;
  /**
   * Told the diagnostics the warm-start cache remembers when nothing changed since it was
   * written, before the model is restored (which takes seconds for a large folder).
   */
  onCachedDiagnostics: ((diagnostics: readonly Diagnostic[]) => void) | undefined;

  /** How the last load went: from scratch, or from the warm-start cache plus changed files. */
  lastLoad: { warm: boolean; changed: number } | undefined;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly cacheDir?: string,
    /** Compiled schemas shared by the extension's folders. */
    private readonly schemas?: SchemaCache,
  ) {
    this.fs = new VscodeWorkspaceFs(folder.uri, localLinkResolver(folder.uri));
    this.settings = folderSettings(folder);
  }

  get key(): string {
    return this.folder.uri.toString();
  }

  get workspace(): OpsbookWorkspace {
    if (!this.ws) throw new Error(`Opsbook: the folder ${this.folder.name} has not been loaded yet`);
    return this.ws;
  }

  get loaded(): boolean {
    return this.ws !== undefined;
  }

  /** Search over the folder: the workspace's index, built on first use and brought up to date with the files changed since. */
  get search(): Pick<OpsbookWorkspace, 'search'> {
    return this.workspace;
  }

  uriOf(relPath: string): vscode.Uri {
    return this.fs.uriOf(relPath) ?? this.folder.uri;
  }

  relativePath(uri: vscode.Uri): string | undefined {
    const root = this.folder.uri;
    if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
    const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  /** Whether the configuration includes the file (and its format is one the engine reads). */
  included(rel: string): boolean {
    return this.filter.included(rel);
  }

  excluded(rel: string): boolean {
    return this.filter.excluded(rel);
  }

  /** Files whose change means the configuration must be read again. */
  isConfigInput(rel: string): boolean {
    if (rel === this.settings.configPath || rel.endsWith('/pack.yaml') || rel === 'pack.yaml' || rel.endsWith('.schema.json')) return true;
    const packs = this.ws?.config.packs ?? [];
    return packs.some((p) => p.startsWith('.') && rel.startsWith(`${p.replace(/^\.\//, '').replace(/\/$/, '')}/`));
  }

  refreshSettings(): void {
    this.settings = folderSettings(this.folder);
  }

  async detect(): Promise<boolean> {
    if ((await this.fs.size(this.settings.configPath)) !== undefined) return true;
    for (const dir of OPS_FOLDERS) if (await this.fs.isDirectory(dir)) return true;
    return false;
  }

  /** Reads the configuration and every file from disk into a fresh engine. */
  async load(packs: ReadonlyMap<string, PackSource>): Promise<void> {
    const generation = ++this.generation;
    this.pendingCacheWrite = undefined; // it holds the old model
    this.settings = folderSettings(this.folder);
    this.state = 'loading';
    const init = engineInputs({
      fs: this.fs,
      builtinPacks: packs,
      configPath: this.settings.configPath,
      ...(this.settings.today ? { today: this.settings.today } : {}),
      ...(this.settings.rules ? { ruleOverrides: this.settings.rules } : {}),
      // Loading a large folder must not hold the extension host: yield between slices of work.
      pause: yieldToEventLoop,
      // Warm start for folders on disk.
      ...(this.cacheDir && this.folder.uri.scheme === 'file' ? { cache: { root: this.folder.uri.fsPath, dir: this.cacheDir } } : {}),
      ...(this.schemas ? { schemas: this.schemas } : {}),
    });
    // One setup for the cache check and the load: the folder is configured, listed and stat-ed once.
    const setup = await prepareWorkspace(init);
    if (init.cache) {
      // Unchanged since the cache was written: show its diagnostics while the model loads.
      const cached = await checkFromCache(init, setup).catch(() => undefined);
      if (cached && generation === this.generation) this.onCachedDiagnostics?.(cached.diagnostics);
    }
    const result = await openWorkspace(init, setup);
    if (generation !== this.generation) return;
    // Every diagnostic is published next: the parse workers work out their source ranges, so
    // publishing does not parse files in the extension host.
    if (result.configProblems.length === 0) await result.workspace.resolveRanges().catch(() => undefined);
    if (generation !== this.generation) return;
    this.lastLoad = result.load;
    // Snapshot now, before open editors' unsaved text is applied: the cache must hold what is
    // on disk. Written (`writeCache`) once the diagnostics are published, so the source ranges
    // they resolved go into the cache too.
    this.pendingCacheWrite = init.cache ? result.workspace.snapshot({ summary: false }) : undefined;
    this.ws = result.workspace;
    this.configProblems = result.configProblems;
    this.filter = fileFilter(result.workspace.config.include, result.workspace.config.exclude);
    this.state = 'ready';
  }

  /**
   * Writes the warm-start cache from the snapshot taken by the last load, in the background
   * (slices); with the snapshot's diagnostics, as published before any editor text was
   * applied, also the summary that lets the next start show them at once.
   */
  writeCache(diagnostics?: Diagnostic[]): void {
    const write = this.pendingCacheWrite;
    this.pendingCacheWrite = undefined;
    void write?.(diagnostics).catch((err: unknown) => this.onCacheError?.(err));
  }

  /** Replaces a file with the editor's text. Returns the files whose diagnostics may have changed. */
  applyText(rel: string, text: string): Set<string> {
    const ws = this.workspace;
    if (this.configProblems.length > 0) return new Set();
    return ws.setFile(rel, text);
  }

  /**
   * Re-reads files from disk (missing files are removed), in chunks that yield to the event
   * loop. Paths in `skip` (open editors with unsaved changes) keep the editor's text.
   */
  async syncFromDisk(paths: readonly string[], skip: (rel: string) => boolean): Promise<Set<string>> {
    const touched = new Set<string>();
    const ws = this.ws;
    const generation = this.generation;
    if (!ws || this.configProblems.length > 0) return touched;
    await inChunks(
      paths,
      CHUNK,
      async (chunk) => {
        const contents = await Promise.all(chunk.map((rel) => (skip(rel) || !this.included(rel) ? Promise.resolve(null) : this.fs.readFile(rel))));
        if (generation !== this.generation) return;
        chunk.forEach((rel, i) => {
          const content = contents[i];
          if (content === null) return;
          if (content === undefined) {
            if (!ws.parsedFile(rel)) return;
            for (const f of ws.deleteFile(rel)) touched.add(f);
          } else {
            if (sameText(ws, rel, content)) return;
            for (const f of ws.setFile(rel, content)) touched.add(f);
          }
        });
      },
      () => generation !== this.generation,
    );
    return touched;
  }

  /** Known files below a folder path (a deleted or moved directory). */
  filesUnder(dirRel: string): string[] {
    const prefix = dirRel.endsWith('/') ? dirRel : `${dirRel}/`;
    return this.ws ? this.ws.filePaths().filter((p) => p.startsWith(prefix)) : [];
  }

  unload(): void {
    this.generation++;
    this.pendingCacheWrite = undefined; // it holds the old model
    this.ws = undefined;
    this.state = 'inactive';
  }
}

/** A save re-announces the text the editor already applied: skip re-checking identical content. */
function sameText(ws: OpsbookWorkspace, rel: string, content: Uint8Array): boolean {
  const parsed = ws.parsedFile(rel);
  if (!parsed || parsed.skipped) return false;
  const decoded = decodeText(content);
  return decoded.ok && decoded.text === parsed.text;
}
