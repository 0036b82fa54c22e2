import * as vscode from 'vscode';
import { configDiagnostics, type Diagnostic } from '../../core';
import { Converter, DIAGNOSTIC_SOURCE, diagnosticKey } from '../convert';
import type { OpsbookFolder } from '../model/folder';

/** Time spent computing diagnostics between pauses after a load. */
const PUBLISH_SLICE_MS = 20;

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Owns the `opsbook` diagnostic collection. Publishes per file what the engine reports (the
 * same list `opsbook check` prints), remembers which core diagnostic each published one came
 * from (for quick fixes), and keeps error/warning totals for the status bar.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly converter = new Converter(vscode);
  private readonly uris = new Map<string, Set<string>>();
  private readonly core = new Map<string, Map<string, Diagnostic>>();
  private readonly counts = new Map<string, Counts>();
  /** Folders whose `publishAll` is computing: the files `publishFiles` published meanwhile. */
  private readonly refreshing = new Map<string, Set<string>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCounts = this.changed.event;

  /**
   * Replaces every diagnostic of the folder: after a (re)load. With `pause`, the diagnostics
   * are computed in slices of 20 ms with `pause` between them (resolving the source ranges
   * of a 50,000-file folder's diagnostics takes seconds when they are not cached), then
   * published at once, so the Problems panel never shows half a folder. Stops when the folder
   * is reloaded meanwhile, whose own publish then takes over. Returns what it published, in
   * `opsbook check` order, when no file was published meanwhile (else undefined).
   */
  async publishAll(folder: OpsbookFolder, pause?: () => Promise<void>): Promise<Diagnostic[] | undefined> {
    const ws = folder.workspace;
    const generation = folder.generation;
    const lists: [string, Diagnostic[]][] = [];
    this.refreshing.set(folder.key, new Set());
    let sliceStart = Date.now();
    for (const file of ws.filePaths()) {
      if (pause && Date.now() - sliceStart >= PUBLISH_SLICE_MS) {
        await pause();
        if (folder.generation !== generation || !folder.loaded || folder.workspace !== ws) {
          this.refreshing.delete(folder.key);
          return undefined;
        }
        sliceStart = Date.now();
      }
      const list = ws.diagnostics(file);
      if (list.length > 0) lists.push([file, list]);
    }
    // Files edited during the pauses were published by `publishFiles` meanwhile, from newer
    // state than `lists`: they keep that; everything else is replaced.
    const meanwhile = this.refreshing.get(folder.key) ?? new Set<string>();
    this.refreshing.delete(folder.key);
    const keep = new Set([...lists.map(([file]) => file), ...meanwhile].map((file) => folder.uriOf(file).toString()));
    for (const uri of [...(this.uris.get(folder.key) ?? [])]) {
      if (keep.has(uri)) continue;
      this.collection.delete(vscode.Uri.parse(uri));
      this.core.delete(uri);
      this.counts.delete(uri);
      this.uris.get(folder.key)?.delete(uri);
    }
    for (const [file, list] of lists) if (!meanwhile.has(file)) this.set(folder, file, list);
    this.publishConfigProblems(folder);
    this.changed.fire();
    if (meanwhile.size > 0) return undefined;
    return lists.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, list]) => list);
  }

  /**
   * Publishes diagnostics remembered by the warm-start cache for an unchanged folder, while
   * its model is still being restored; `publishAll` replaces them when it is.
   */
  publishCached(folder: OpsbookFolder, diagnostics: readonly Diagnostic[]): void {
    this.clearFolder(folder.key, false);
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    for (const [file, list] of byFile) this.set(folder, file, list);
    this.changed.fire();
  }

  /** Re-publishes the given files of the folder (those `setFile` reported as possibly changed). */
  publishFiles(folder: OpsbookFolder, files: Iterable<string>): void {
    const ws = folder.workspace;
    const refreshing = this.refreshing.get(folder.key);
    for (const file of files) {
      this.set(folder, file, ws.diagnostics(file));
      refreshing?.add(file);
    }
    this.changed.fire();
  }

  clearFolder(folderKey: string, notify = true): void {
    for (const uri of this.uris.get(folderKey) ?? []) {
      this.collection.delete(vscode.Uri.parse(uri));
      this.core.delete(uri);
      this.counts.delete(uri);
    }
    this.uris.delete(folderKey);
    if (notify) this.changed.fire();
  }

  /** The core diagnostic behind a published one (code actions get copies of what was published). */
  coreDiagnostic(uri: vscode.Uri, d: vscode.Diagnostic): Diagnostic | undefined {
    return this.core.get(uri.toString())?.get(diagnosticKey(d));
  }

  totals(): Counts {
    const t: Counts = { errors: 0, warnings: 0, infos: 0 };
    for (const c of this.counts.values()) {
      t.errors += c.errors;
      t.warnings += c.warnings;
      t.infos += c.infos;
    }
    return t;
  }

  /** Counts of one folder (the check command's summary). */
  folderTotals(folderKey: string): Counts {
    const t: Counts = { errors: 0, warnings: 0, infos: 0 };
    for (const uri of this.uris.get(folderKey) ?? []) {
      const c = this.counts.get(uri);
      if (!c) continue;
      t.errors += c.errors;
      t.warnings += c.warnings;
      t.infos += c.infos;
    }
    return t;
  }

  private set(folder: OpsbookFolder, file: string, list: readonly Diagnostic[], extra: vscode.Diagnostic[] = []): void {
    const uri = folder.uriOf(file);
    const key = uri.toString();
    const converted: vscode.Diagnostic[] = [...extra];
    const byKey = new Map<string, Diagnostic>();
    const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
    for (const d of list) {
      const v = this.converter.diagnostic(d, (f) => folder.uriOf(f));
      byKey.set(diagnosticKey(v), d);
      converted.push(v);
    }
    for (const v of converted) {
      if (v.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (v.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else counts.infos++;
    }
    let uris = this.uris.get(folder.key);
    if (!uris) this.uris.set(folder.key, (uris = new Set()));
    if (converted.length === 0) {
      this.collection.delete(uri);
      this.core.delete(key);
      this.counts.delete(key);
      uris.delete(key);
      return;
    }
    uris.add(key);
    this.collection.set(uri, converted);
    this.core.set(key, byKey);
    this.counts.set(key, counts);
  }

  /**
   * Configuration problems are ordinary diagnostics (`config/invalid`, …; core maps built-in
   * pack and settings problems onto the configuration file) shown through the one converter.
   */
  private publishConfigProblems(folder: OpsbookFolder): void {
    if (folder.configProblems.length === 0) return;
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of configDiagnostics(folder.configProblems, folder.settings.configPath)) {
      let list = byFile.get(d.file);
      if (!list) byFile.set(d.file, (list = []));
      list.push(d);
    }
    for (const [file, list] of byFile) this.set(folder, file, [...list, ...folder.workspace.diagnostics(file)]);
  }

  dispose(): void {
    this.collection.dispose();
    this.changed.dispose();
  }
}
