import { countOf, type Entity, Formatter, type OpsbookWorkspace } from '../../core';
import * as l10n from '@vscode/l10n';
import { competitorRow, courseRow, partnerRow, personRow, productRow, storeRow } from './registerLabels';
import { byTitle, countRecords, groupBy, groupRow, text } from './rows';
import { perFolder, type FolderInput, type ViewNode } from './viewNode';

/** A folder with the formatter of its `locale:`. */
interface Folder extends FolderInput {
  fmt: Formatter;
}

type RowOf = (ws: OpsbookWorkspace, e: Entity, folder: string, fmt: Formatter) => ViewNode;

function grouped(
  f: Folder,
  entities: Entity[],
  base: string,
  key: (e: Entity) => string | undefined,
  missing: string,
  labelOf: (k: string) => string,
  row: RowOf,
): ViewNode[] {
  return groupBy(entities, key, missing).map(([k, members]) =>
    groupRow(
      `${base}/${k}`,
      labelOf(k),
      { id: 'tag' },
      members.map((e) => row(f.workspace, e, f.key, f.fmt)),
    ),
  );
}

function partners(f: Folder): ViewNode | undefined {
  const all = f.workspace.entities('partner');
  if (all.length === 0) return undefined;
  const base = `${f.key}#reg:partner`;
  return groupRow(
    base,
    l10n.t('Partners'),
    { id: 'organization' },
    grouped(
      f,
      all,
      base,
      (e) => text(e, 'type'),
      l10n.t('(no type)'),
      (k) => k,
      partnerRow,
    ),
  );
}

function products(f: Folder): ViewNode | undefined {
  const all = f.workspace.entities('product');
  if (all.length === 0) return undefined;
  const base = `${f.key}#reg:product`;
  return groupRow(
    base,
    l10n.t('Products'),
    { id: 'package' },
    grouped(
      f,
      all,
      base,
      (e) => text(e, 'category'),
      l10n.t('(no category)'),
      (k) => k,
      productRow,
    ),
  );
}

/** People by region (named after the region record when there is one), then by role. */
function people(f: Folder): ViewNode | undefined {
  const ws = f.workspace;
  const all = ws.entities('person');
  if (all.length === 0) return undefined;
  const base = `${f.key}#reg:person`;
  const regionName = (id: string): string => ws.get('region', id)?.title ?? id;
  const byRegion = groupBy(all, (e) => text(e, 'region'), l10n.t('(no region)'))
    .map(([region, members]) => ({ region, label: regionName(region), members }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const regions = byRegion.map(({ region, label, members }) => {
    const rbase = `${base}/${region}`;
    return groupRow(
      rbase,
      label,
      { id: 'globe' },
      grouped(
        f,
        members,
        rbase,
        (e) => text(e, 'role'),
        l10n.t('(no role)'),
        (k) => k,
        personRow,
      ),
    );
  });
  return groupRow(base, l10n.t('People'), { id: 'person' }, regions);
}

/** Stores by region (named after the region record when there is one), then by channel. */
function stores(f: Folder): ViewNode | undefined {
  const ws = f.workspace;
  const all = ws.entities('store');
  if (all.length === 0) return undefined;
  const base = `${f.key}#reg:store`;
  const regions = groupBy(all, (e) => text(e, 'region'), l10n.t('(no region)'))
    .map(([region, members]) => ({ region, label: ws.get('region', region)?.title ?? region, members }))
    .sort((a, b) => a.label.localeCompare(b.label))
    .map(({ region, label, members }) =>
      groupRow(
        `${base}/${region}`,
        label,
        { id: 'globe' },
        grouped(
          f,
          members,
          `${base}/${region}`,
          (e) => text(e, 'channel'),
          l10n.t('(no channel)'),
          (k) => k,
          storeRow,
        ),
      ),
    );
  return groupRow(base, l10n.t('Stores'), { id: 'home' }, regions);
}

function competitors(f: Folder): ViewNode | undefined {
  const all = f.workspace.entities('competitor').sort(byTitle);
  if (all.length === 0) return undefined;
  return groupRow(
    `${f.key}#reg:competitor`,
    l10n.t('Competitors'),
    { id: 'eye' },
    all.map((e) => competitorRow(f.workspace, e, f.key, f.fmt)),
  );
}

function courses(f: Folder): ViewNode | undefined {
  const all = f.workspace.entities('course').sort(byTitle);
  if (all.length === 0) return undefined;
  return groupRow(
    `${f.key}#reg:course`,
    l10n.t('Courses'),
    { id: 'mortar-board' },
    all.map((e) => courseRow(f.workspace, e, f.key, f.fmt)),
  );
}

/**
 * The Registers view: Partners by type, Products by category, People by region → role (with
 * their last assessment and successors), Courses, Stores by region → channel, Competitors.
 */
export function buildRegistersView(folders: readonly FolderInput[]): ViewNode[] {
  return perFolder(
    folders,
    (input) => {
      const f: Folder = { ...input, fmt: new Formatter(input.workspace.config.locale) };
      const sections = [partners(f), products(f), people(f), courses(f), stores(f), competitors(f)].filter((n): n is ViewNode => n !== undefined);
      for (const n of sections) {
        const kind = /#reg:([^/]+)$/.exec(n.id)?.[1];
        if (kind !== undefined) n.register = { folder: f.key, kind };
      }
      return sections;
    },
    (nodes) => {
      const n = countRecords(nodes);
      return countOf(n, l10n.t('1 record'), l10n.t('{0} records', n));
    },
  );
}
