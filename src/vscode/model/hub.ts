import * as vscode from 'vscode';
import { type PackSource, SchemaCache } from '../../core';
import type { FolderModel, ModelHub } from '../api';
import type { DiagnosticsPublisher } from '../diagnostics/publisher';
import { validateOnType } from '../settings';
import { ChangeBatcher, yieldToEventLoop } from './batcher';
import { OpsbookFolder } from './folder';

/** Disk events are gathered this long before a batch starts (a branch switch arrives in bursts). */
const DISK_BATCH_MS = 60;
/** Configuration changes are applied after this quiet period (editors save in several steps). */
const REBUILD_MS = 300;

export interface HubLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * One engine per workspace folder, kept in step with the disk (watcher batches) and with open
 * editors (debounced text). Publishes diagnostics and tells features when a model changed.
 */
export class Hub implements ModelHub, vscode.Disposable {
  private readonly folders = new Map<string, OpsbookFolder>();
  private readonly batchers = new Map<string, ChangeBatcher<true>>();
  private readonly rebuildTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly textTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<FolderModel>();
  private readonly stateChanged = new vscode.EventEmitter<void>();
  private readonly loads = new Map<string, Promise<void>>();
  private readonly nextLoads = new Map<string, Promise<void>>();
  readonly onDidChange = this.changed.event;
  /** Fires when a folder starts or finishes loading (status bar, context keys). */
  readonly onDidChangeState = this.stateChanged.event;
  readonly ready: Promise<void>;
  /** Whether `ready` has resolved. */
  isReady = false;
  private resolveReady: () => void = () => undefined;

  /** Compiled schemas, shared by every folder and reload (and the Changes view's base revisions). */
  readonly schemas = new SchemaCache();

  constructor(
    private readonly packs: Map<string, PackSource>,
    private readonly publisher: DiagnosticsPublisher,
    private readonly log: HubLog,
    /** Where folders keep their warm-start caches; none when undefined. */
    private readonly cacheDir?: string,
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  /** Adds the workspace's folders; `ready` resolves once each has been loaded (or found not to be an Opsbook folder). */
  start(): void {
    const folders = vscode.workspace.workspaceFolders ?? [];
    void Promise.all(folders.map((f) => this.addFolder(f))).finally(() => {
      this.isReady = true;
      this.resolveReady();
      this.stateChanged.fire();
    });
  }

  models(): readonly FolderModel[] {
    return [...this.folders.values()].filter((f) => f.loaded);
  }

  modelFor(uri: vscode.Uri): FolderModel | undefined {
    const f = this.folderFor(uri);
    return f?.loaded ? f : undefined;
  }

  folderFor(uri: vscode.Uri): OpsbookFolder | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    return wf ? this.folders.get(wf.uri.toString()) : undefined;
  }

  allFolders(): readonly OpsbookFolder[] {
    return [...this.folders.values()];
  }

  get loading(): boolean {
    return [...this.folders.values()].some((f) => f.state === 'loading');
  }

  async addFolder(wf: vscode.WorkspaceFolder): Promise<void> {
    const key = wf.uri.toString();
    if (this.folders.has(key)) return;
    const folder = new OpsbookFolder(wf, this.cacheDir, this.schemas);
    folder.onCacheError = (err) => this.log.error(`${wf.name}: could not write the warm-start cache: ${describe(err)}`);
    folder.onCachedDiagnostics = (diagnostics) => {
      this.publisher.publishCached(folder, diagnostics);
      this.log.info(`${wf.name}: ${diagnostics.length} problem(s) shown from the warm-start cache while the folder loads`);
    };
    this.folders.set(key, folder);
    const batcher = new ChangeBatcher<true>(
      (batch) =>
        this.applyDiskBatch(
          folder,
          batch.map(([rel]) => rel),
        ),
      DISK_BATCH_MS,
      (err) => this.log.error(`applying file changes in ${wf.name}: ${describe(err)}`),
    );
    this.batchers.set(key, batcher);
    try {
      if (!(await folder.detect())) {
        this.log.info(`${wf.name}: no ${folder.settings.configPath} and no ops folders; not an Opsbook folder`);
        return;
      }
    } catch (err) {
      this.log.error(`${wf.name}: ${describe(err)}`);
      return;
    }
    await this.load(folder);
  }

  removeFolder(wf: vscode.WorkspaceFolder): void {
    const key = wf.uri.toString();
    const folder = this.folders.get(key);
    if (!folder) return;
    folder.unload();
    clearTimeout(this.rebuildTimers.get(key));
    this.rebuildTimers.delete(key);
    // Pending editor changes of documents in the folder (keyed by document URI).
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const [uri, timer] of this.textTimers) {
      if (!uri.startsWith(prefix)) continue;
      clearTimeout(timer);
      this.textTimers.delete(uri);
    }
    this.batchers.get(key)?.dispose();
    this.batchers.delete(key);
    this.folders.delete(key);
    this.publisher.clearFolder(key);
    this.stateChanged.fire();
  }

  /** (Re)reads a folder's configuration and files from disk; concurrent calls share the load. */
  load(folder: OpsbookFolder): Promise<void> {
    // A removed folder (e.g. a follow-up load queued before its removal) is not loaded again.
    if (this.folders.get(folder.key) !== folder) return Promise.resolve();
    const running = this.loads.get(folder.key);
    if (running) {
      // One reload after the running one covers every request made meanwhile.
      let next = this.nextLoads.get(folder.key);
      if (!next) {
        next = running.then(() => {
          this.nextLoads.delete(folder.key);
          return this.load(folder);
        });
        this.nextLoads.set(folder.key, next);
      }
      return next;
    }
    const batcher = this.batchers.get(folder.key);
    batcher?.pause();
    const started = Date.now();
    const task = (async () => {
      this.stateChanged.fire();
      try {
        await folder.load(this.packs);
      } catch (err) {
        folder.state = 'failed';
        this.log.error(`${folder.folder.name}: could not load: ${describe(err)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook could not load the folder "{0}": {1}', folder.folder.name, describe(err)));
        return;
      }
      if (!folder.loaded) return;
      const ws = folder.workspace;
      // Published before unsaved editor text is applied, these are the diagnostics of the
      // files on disk: the state the cache snapshot holds, so they go into its summary.
      const published = await this.publisher.publishAll(folder, yieldToEventLoop);
      if (!folder.loaded || folder.workspace !== ws) return;
      folder.writeCache(published);
      const edited = this.applyOpenEditors(folder);
      if (edited.size > 0) this.publisher.publishFiles(folder, edited);
      const how = folder.lastLoad?.warm ? ` (warm start: ${folder.lastLoad.changed} file(s) changed since the cache)` : '';
      this.log.info(
        `${folder.folder.name}: ${ws.fileCount} files, ${ws.entityCount} entities in ${Date.now() - started} ms${how}${folder.configProblems.length ? `; ${folder.configProblems.length} configuration problem(s)` : ''}`,
      );
      const notified = Date.now();
      this.changed.fire(folder);
      if (Date.now() - notified > 200) this.log.info(`${folder.folder.name}: views and features took ${Date.now() - notified} ms to refresh`);
    })().finally(() => {
      this.loads.delete(folder.key);
      batcher?.resume();
      this.stateChanged.fire();
    });
    this.loads.set(folder.key, task);
    return task;
  }

  /** Rebuilds every loaded folder (packs or settings changed). */
  async rebuildAll(filter: (f: OpsbookFolder) => boolean = () => true): Promise<void> {
    await Promise.all(
      [...this.folders.values()].filter(filter).map(async (f) => {
        if (f.state !== 'inactive') return this.load(f);
        // The configuration path may have changed: look again.
        f.refreshSettings();
        if (await f.detect()) await this.load(f);
      }),
    );
  }

  scheduleRebuild(folder: OpsbookFolder): void {
    clearTimeout(this.rebuildTimers.get(folder.key));
    this.rebuildTimers.set(
      folder.key,
      setTimeout(() => {
        this.rebuildTimers.delete(folder.key);
        void this.load(folder);
      }, REBUILD_MS),
    );
  }

  registerPack(name: string, source: PackSource): vscode.Disposable {
    if (!/^[A-Za-z][\w-]*$/.test(name)) throw new Error(`Opsbook: pack name "${name}" must be a word (letters, digits, "-", "_")`);
    if (this.packs.has(name)) throw new Error(`Opsbook: a pack named "${name}" is already registered`);
    this.packs.set(name, source);
    this.log.info(`pack "${name}" registered by an extension`);
    void this.rebuildAll();
    return new vscode.Disposable(() => {
      if (this.packs.get(name) !== source) return;
      this.packs.delete(name);
      void this.rebuildAll();
    });
  }

  // ---- changes from disk -------------------------------------------------------------------

  /** A watcher event: queue the file (or the files of a folder) for re-reading. */
  async onDiskEvent(uri: vscode.Uri, type: 'create' | 'change' | 'delete'): Promise<void> {
    const folder = this.folderFor(uri);
    if (!folder) return;
    const rel = folder.relativePath(uri);
    if (rel === undefined || rel === '') return;
    if (folder.state === 'inactive') {
      if (rel === folder.settings.configPath && type !== 'delete') await this.load(folder);
      return;
    }
    if (folder.isConfigInput(rel)) {
      this.scheduleRebuild(folder);
      if (!folder.included(rel)) return;
    }
    if (folder.excluded(rel)) return;
    const batcher = this.batchers.get(folder.key);
    if (!batcher) return;
    if (folder.included(rel)) {
      batcher.add(rel, true);
      return;
    }
    // Not a document: perhaps a directory that was deleted, moved or created as a whole.
    // Only a delete can name a directory with known files under it (filesUnder scans every path).
    if (type === 'delete') for (const f of folder.filesUnder(rel)) batcher.add(f, true);
    const last = rel.slice(rel.lastIndexOf('/') + 1);
    if (type === 'create' && !last.includes('.') && (await folder.fs.isDirectory(rel))) {
      const files = await folder.fs.listFiles((p) => folder.excluded(p), rel);
      for (const f of files) if (folder.included(f)) batcher.add(f, true);
    }
  }

  private async applyDiskBatch(folder: OpsbookFolder, paths: string[]): Promise<void> {
    if (!folder.loaded) return;
    const started = Date.now();
    const owned = this.editorOwnedUris();
    const touched = await folder.syncFromDisk(paths, (rel) => owned.has(folder.uriOf(rel).toString()));
    if (touched.size === 0 || !folder.loaded) return;
    this.publish(folder, touched, `${paths.length} file(s) from disk`, started);
  }

  /** URIs of open editors with unsaved changes, validated as typed: their text wins over the disk. */
  private editorOwnedUris(): Set<string> {
    const owned = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && validateOnType(doc.uri).enabled) owned.add(doc.uri.toString());
    return owned;
  }

  // ---- changes from editors ----------------------------------------------------------------

  /** An edit in an open editor: applied after the validate-on-type delay. */
  onTextChanged(doc: vscode.TextDocument): void {
    const folder = this.folderFor(doc.uri);
    if (!folder?.loaded) return;
    const rel = folder.relativePath(doc.uri);
    if (rel === undefined || !folder.included(rel)) return;
    const { enabled, delay } = validateOnType(doc.uri);
    if (!enabled) return;
    const key = doc.uri.toString();
    clearTimeout(this.textTimers.get(key));
    this.textTimers.set(
      key,
      setTimeout(() => {
        this.textTimers.delete(key);
        this.applyDocument(doc);
      }, delay),
    );
  }

  /** A closed, saved or reverted editor: the disk holds the truth again (unsaved changes were discarded). */
  onBackToDisk(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.textTimers.get(key));
    this.textTimers.delete(key);
    const folder = this.folderFor(doc.uri);
    const rel = folder?.relativePath(doc.uri);
    if (!folder?.loaded || rel === undefined || !folder.included(rel)) return;
    this.batchers.get(folder.key)?.add(rel, true);
  }

  /** Applies a document's pending edits now (language features need the model to match the editor). */
  sync(doc: vscode.TextDocument): OpsbookFolder | undefined {
    const folder = this.folderFor(doc.uri);
    if (!folder?.loaded) return undefined;
    const key = doc.uri.toString();
    if (this.textTimers.has(key)) {
      clearTimeout(this.textTimers.get(key));
      this.textTimers.delete(key);
      this.applyDocument(doc);
    }
    return folder;
  }

  /** Applies every pending editor change (before a rename that edits many files). */
  syncAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (this.textTimers.has(doc.uri.toString())) this.sync(doc);
  }

  /** Processes queued disk changes now. */
  async flushDisk(): Promise<void> {
    await Promise.all([...this.batchers.values()].map((b) => b.flush()));
  }

  private applyDocument(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const folder = this.folderFor(doc.uri);
    const rel = folder?.relativePath(doc.uri);
    if (!folder?.loaded || rel === undefined || !folder.included(rel)) return;
    const t0 = Date.now();
    const touched = folder.applyText(rel, doc.getText());
    if (touched.size === 0) return;
    this.publish(folder, touched, `${rel} (editor)`, t0);
  }

  /** Publishes the touched files' diagnostics and tells the features; slow steps are logged. */
  private publish(folder: OpsbookFolder, touched: Set<string>, what: string, started: number): void {
    const applied = Date.now();
    this.publisher.publishFiles(folder, touched);
    const published = Date.now();
    this.changed.fire(folder);
    const done = Date.now();
    if (done - started > 150)
      this.log.info(
        `${what}: checked in ${applied - started} ms, ${touched.size} file(s) published in ${published - applied} ms, features refreshed in ${done - published} ms`,
      );
  }

  /** After a (re)load from disk, open editors with unsaved changes are applied again. */
  /** Applies the unsaved text of open editors; returns the files whose diagnostics may have changed. */
  private applyOpenEditors(folder: OpsbookFolder): Set<string> {
    const touched = new Set<string>();
    if (folder.configProblems.length > 0) return touched;
    for (const doc of vscode.workspace.textDocuments) {
      if (!doc.isDirty || !validateOnType(doc.uri).enabled) continue;
      const rel = folder.relativePath(doc.uri);
      if (rel !== undefined && folder.included(rel)) for (const f of folder.applyText(rel, doc.getText())) touched.add(f);
    }
    return touched;
  }

  dispose(): void {
    for (const t of this.textTimers.values()) clearTimeout(t);
    for (const t of this.rebuildTimers.values()) clearTimeout(t);
    for (const b of this.batchers.values()) b.dispose();
    for (const f of this.folders.values()) f.unload();
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}

export function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
