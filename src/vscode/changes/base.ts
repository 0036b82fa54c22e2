import {
  createWorkspace,
  type EngineInit,
  fileFilter,
  openWorkspace,
  type OpsbookWorkspace,
  type PackSource,
  parseFile,
  type SchemaCache,
  type WorkspaceFileSystem,
} from '../../core';
import { engineInputs } from '../../node/engineInputs';
import { GitRevisionFs } from '../../node/git';
import type { FolderModel } from '../api';
import { folderSettings } from '../settings';
import type { Repo } from './repo';

interface Entry {
  key: string;
  /** The live engine whose configuration the base borrowed (its own could not be read), else undefined. */
  borrowed?: OpsbookWorkspace;
  result: Promise<BaseWorkspace>;
}

export interface BaseWorkspace {
  workspace: OpsbookWorkspace;
  /** Set when the base's own configuration had problems and the working tree's was used to read it. */
  borrowedConfig: boolean;
}

/**
 * The base side of the Changes view: a folder as it was at a commit, loaded with the same
 * engine (its own `opsbook.yaml` at that commit, the folder's settings) from git objects, and
 * kept until the commit, the settings or the engine it borrowed from change.
 */
export class BaseCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly packs: () => ReadonlyMap<string, PackSource>,
    /** Compiled schemas shared with the working tree's folders. */
    private readonly schemas?: SchemaCache,
  ) {}

  load(model: FolderModel, repo: Repo, commit: string): Promise<BaseWorkspace> {
    const settings = folderSettings(model.folder);
    const key = JSON.stringify([commit, repo.prefix, settings]);
    const folderKey = model.folder.uri.toString();
    const cached = this.entries.get(folderKey);
    if (cached && cached.key === key && (!cached.borrowed || cached.borrowed === model.workspace)) return cached.result;
    const entry: Entry = { key, result: Promise.resolve(undefined as unknown as BaseWorkspace) };
    entry.result = this.read(model, repo, commit, settings).then((r) => {
      if (r.borrowedConfig) entry.borrowed = model.workspace;
      return r;
    });
    // A failed load is not kept: the next refresh tries again.
    entry.result.catch(() => {
      if (this.entries.get(folderKey) === entry) this.entries.delete(folderKey);
    });
    this.entries.set(folderKey, entry);
    return entry.result;
  }

  forget(folderKey: string): void {
    this.entries.delete(folderKey);
  }

  clear(): void {
    this.entries.clear();
  }

  private async read(model: FolderModel, repo: Repo, commit: string, settings: ReturnType<typeof folderSettings>): Promise<BaseWorkspace> {
    const fs = new GitRevisionFs(repo.git, commit, repo.prefix);
    try {
      const init = engineInputs({
        fs,
        builtinPacks: this.packs(),
        configPath: settings.configPath,
        // The same date as the working tree, so that date rules do not show up as changes.
        today: model.workspace.todayDate,
        ...(settings.rules ? { ruleOverrides: settings.rules } : {}),
        ...(this.schemas ? { schemas: this.schemas } : {}),
      });
      const opened = await openWorkspace(init);
      if (opened.configProblems.length === 0) return { workspace: opened.workspace, borrowedConfig: false };
      // The base's configuration does not load here (a pack another extension registers, a broken
      // opsbook.yaml at that commit): read its files with the working tree's configuration.
      return { workspace: await readWithConfig(fs, model.workspace, settings.configPath, init.parseMany, this.schemas), borrowedConfig: true };
    } finally {
      fs.close();
    }
  }
}

async function readWithConfig(
  fs: WorkspaceFileSystem,
  live: OpsbookWorkspace,
  configPath: string,
  parseMany: EngineInit['parseMany'],
  schemas: SchemaCache | undefined,
): Promise<OpsbookWorkspace> {
  const filter = fileFilter(live.config.include, live.config.exclude);
  const paths = (await fs.listFiles(filter.excluded)).filter((p) => p !== configPath && filter.included(p)).sort();
  // The blob reader answers in order: asking for everything at once keeps its pipe full.
  const contents = await Promise.all(paths.map(async (p) => ({ path: p, content: (await fs.readFile(p)) ?? '' })));
  const files = parseMany ? await parseMany(contents) : contents.map((c) => parseFile(c.path, c.content));
  return createWorkspace(live.config, live.todayDate, { files, ...(schemas ? { schemas } : {}) });
}
