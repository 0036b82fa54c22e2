import { buildDashboard } from '../dashboard/model';
import type { DashboardData, DashboardOptions } from '../dashboard/types';
import { diffWorkspaces } from '../diff/diff';
import type { WorkspaceDiff } from '../diff/types';
import type { WorkspaceModel } from '../model/queries';
import { WorkspaceSearch } from '../model/search';
import { Workspace } from '../model/workspace';
import type { ParsedFile } from '../parse/file';
import { buildPlanTree, PLAN_TREE_KINDS, type PlanTree } from '../plan/tree';
import type { SectionWriter } from '../search/sections';
import type { SearchOptions, SearchResponse } from '../search/types';
import type { Diagnostic } from '../types';
import type { RangeMany } from '../parse/positions';
import type { OpsbookWorkspace, SaveOptions } from './api';

type Snapshot = (options?: SaveOptions) => (diagnostics?: Diagnostic[]) => Promise<void>;
const noSave = async (): Promise<void> => undefined;

/** The workspace the front door hands out: the model plus its computed views and its cache writer. */
export class OpenedWorkspace extends Workspace implements OpsbookWorkspace {
  private snapshotter: Snapshot = () => noSave;
  private searchIndex: WorkspaceSearch | undefined;
  /** Files edited since the search index was last brought up to date. */
  private readonly staleSearch = new Set<string>();

  private searchSaver: ((pack: (out: SectionWriter) => boolean) => Promise<void>) | undefined;

  /** Set by the engine with a warm-start cache: how this workspace writes its search part. */
  useSearchCache(saver: (pack: (out: SectionWriter) => boolean) => Promise<void>): void {
    this.searchSaver = saver;
  }

  async saveSearch(): Promise<void> {
    const index = this.searchIndex;
    // Only an index of the files as loaded matches the file table the part is written with.
    if (!this.searchSaver || !index || this.staleSearch.size > 0 || this.version !== this.searchVersion) return;
    await this.searchSaver((out) => index.pack(out));
  }

  /** The workspace's version when the search index was built. */
  private searchVersion = -1;

  private ranger: RangeMany | undefined;

  /** Set by the engine when the host can work out source ranges in parallel (`EngineInit.rangeMany`). */
  useRanger(rangeMany: RangeMany): void {
    this.ranger = rangeMany;
  }

  async resolveRanges(): Promise<void> {
    await this.planRanges;
    if (this.ranger) await this.resolveRangesWith(this.ranger);
  }

  /** The plan entities' ranges being worked out by `prefetchPlanRanges`. */
  private planRanges: Promise<void> | undefined;

  /**
   * Starts working out, on the host's workers, the line of every entity the plan tree shows:
   * a save records the tree in the warm-start cache, and building `yaml` Documents for every
   * plan file in this thread would cost ~0.5 s at 500 plan files. Started once the files are
   * indexed, the workers do it while this thread checks the entities.
   */
  prefetchPlanRanges(): void {
    if (!this.ranger || this.planRanges) return;
    // In the background: this thread checks the entities meanwhile and needs a core of its own.
    const ranger = this.ranger;
    this.planRanges = this.entityRangesWith((jobs) => ranger(jobs, { background: true }), PLAN_TREE_KINDS).catch(() => undefined);
  }

  /** Set by the engine once the files are loaded: how this workspace writes its warm-start cache. */
  useCache(snapshot: Snapshot): void {
    this.snapshotter = snapshot;
  }

  async save(options?: SaveOptions): Promise<void> {
    await this.planRanges;
    return this.snapshotter(options)();
  }

  snapshot(options?: SaveOptions): (diagnostics?: Diagnostic[]) => Promise<void> {
    return this.snapshotter(options);
  }

  planTree(): PlanTree {
    return buildPlanTree(this);
  }

  dashboard(options?: DashboardOptions): DashboardData {
    return buildDashboard(this, options);
  }

  diffFrom(base: WorkspaceModel): WorkspaceDiff {
    return diffWorkspaces(base, this);
  }

  search(query: string, options?: SearchOptions): SearchResponse {
    if (!this.searchIndex) {
      this.searchIndex = new WorkspaceSearch(this);
      this.searchVersion = this.version;
      this.staleSearch.clear();
    } else if (this.staleSearch.size > 0) {
      this.searchIndex.update(this.staleSearch);
      this.staleSearch.clear();
    }
    return this.searchIndex.search(query, options);
  }

  override setFile(path: string, content: Uint8Array | string): Set<string> {
    if (this.searchIndex) this.staleSearch.add(path);
    return super.setFile(path, content);
  }

  override setParsedFile(parsed: ParsedFile): Set<string> {
    if (this.searchIndex) this.staleSearch.add(parsed.path);
    return super.setParsedFile(parsed);
  }

  override deleteFile(path: string): Set<string> {
    if (this.searchIndex) this.staleSearch.add(path);
    return super.deleteFile(path);
  }
}
