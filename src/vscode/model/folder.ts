import * as vscode from 'vscode';
import { checkFromCache, fileFilter, openWorkspace, prepareWorkspace, type EngineInit } from '../../core/engine';
import type { Diagnostic } from '../../core/types';
import type { ConfigProblem } from '../../core/config/types';
import type { PackSource } from '../../core/host';
import { WorkspaceSearch } from '../../core/model/search';
import { Workspace } from '../../core/model/workspace';
import { decodeText } from '../../core/parse/text';
import { NodeWarmCache } from '../../node/cache';
import { parallelParser } from '../../node/parallel';
import { BUILD, VERSION } from '../../core/version';
import { systemToday } from '../../node/host';
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
 * (configuration or settings changed) swaps the `Workspace` inside, so holders stay valid.
 */
export class OpsbookFolder implements FolderModel {
  readonly fs: VscodeWorkspaceFs;
  state: FolderState = 'inactive';
  settings: FolderSettings;
  configProblems: readonly ConfigProblem[] = [];
  private ws: Workspace | undefined;
  private searchIndex: WorkspaceSearch | undefined;
  private readonly staleSearch = new Set<string>();
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

  constructor(readonly folder: vscode.WorkspaceFolder, private readonly cacheDir?: string) {
    this.fs = new VscodeWorkspaceFs(folder.uri, localLinkResolver(folder.uri));
    this.settings = folderSettings(folder);
  }

  get key(): string {
    return this.folder.uri.toString();
  }

  get workspace(): Workspace {
    if (!this.ws) throw new Error(`Opsbook: the folder ${this.folder.name} has not been loaded yet`);
    return this.ws;
  }

  get loaded(): boolean {
    return this.ws !== undefined;
  }

  /** The search index, built on first use and brought up to date with the files changed since. */
  get search(): WorkspaceSearch {
    const ws = this.workspace;
    if (!this.searchIndex) {
      this.searchIndex = new WorkspaceSearch(ws);
      this.staleSearch.clear();
    } else if (this.staleSearch.size > 0) {
      this.searchIndex.update(this.staleSearch);
      this.staleSearch.clear();
    }
    return this.searchIndex;
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
    const init: EngineInit = { fs: this.fs, builtinPacks: packs, clock: systemToday, configPath: this.settings.configPath };
    const parseMany = parallelParser();
    if (parseMany) init.parseMany = parseMany;
    if (this.settings.today) init.today = this.settings.today;
    if (this.settings.rules) init.ruleOverrides = this.settings.rules;
    // Loading a large folder must not hold the extension host: yield between slices of work.
    init.pause = yieldToEventLoop;
    // One setup for the cache check and the load: the folder is configured, listed and stat-ed once.
    const setup = await prepareWorkspace(init);
    // Warm start for folders on disk, keyed by folder, configuration file and engine build.
    if (this.cacheDir && BUILD && this.folder.uri.scheme === 'file') {
      init.cache = new NodeWarmCache(this.folder.uri.fsPath, `${VERSION}+${BUILD}`, this.cacheDir, this.settings.configPath);
      // Unchanged since the cache was written: show its diagnostics while the model loads.
      const cached = await checkFromCache(init, setup).catch(() => undefined);
      if (cached && generation === this.generation) this.onCachedDiagnostics?.(cached.diagnostics);
    }
    const result = await openWorkspace(init, setup);
    if (generation !== this.generation) return;
    this.lastLoad = result.load;
    // Snapshot now, before open editors' unsaved text is applied: the cache must hold what is
    // on disk. Written (`writeCache`) once the diagnostics are published, so the source ranges
    // they resolved go into the cache too.
    this.pendingCacheWrite = init.cache ? result.snapshotCache({ summary: false }) : undefined;
    this.ws = result.workspace;
    this.configProblems = result.configProblems;
    this.filter = fileFilter(result.workspace.config.include, result.workspace.config.exclude);
    this.searchIndex = undefined;
    this.staleSearch.clear();
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
    this.staleSearch.add(rel);
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
    await inChunks(paths, CHUNK, async (chunk) => {
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
        this.staleSearch.add(rel);
      });
    }, () => generation !== this.generation);
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
    this.searchIndex = undefined;
    this.state = 'inactive';
  }
}

/** A save re-announces the text the editor already applied: skip re-checking identical content. */
function sameText(ws: Workspace, rel: string, content: Uint8Array): boolean {
  const parsed = ws.parsedFile(rel);
  if (!parsed || parsed.skipped) return false;
  const decoded = decodeText(content);
  return decoded.ok && decoded.text === parsed.text;
}
