import { configSignature } from '../config/signature';
import type { ResolvedConfig } from '../config/types';
import type { ParsedFile } from '../parse/file';
import { builtinRules } from '../rules/builtin';
import { compileSchemasNow, type SchemaCache } from '../schema/compiled';
import type { OpsbookWorkspace } from './api';
import { OpenedWorkspace } from './opened';

/**
 * A workspace with a configuration already resolved (another version of a folder read with
 * this one's configuration, a scratch workspace for one document) and these files, checked
 * with the built-in rules unless `rules` says otherwise. It has no warm-start cache.
 */
export function createWorkspace(
  config: ResolvedConfig,
  today: string,
  options: {
    files?: Iterable<ParsedFile>;
    rules?: 'builtin' | 'none';
    schemas?: SchemaCache;
    /** The workspace these files were parsed for (a diff's head): its analyses and ranges are reused. */
    rangesFrom?: OpsbookWorkspace;
  } = {},
): OpsbookWorkspace {
  const compiled = options.schemas ? compileSchemasNow(config, options.schemas) : undefined;
  const workspace = new OpenedWorkspace(config, options.rules === 'none' ? [] : builtinRules, today, [], compiled);
  const from = options.rangesFrom instanceof OpenedWorkspace ? options.rangesFrom : undefined;
  // Files parsed once for both (the head's, reused for a diff's base) are analyzed once when the
  // configuration is the same, and their ranges are resolved once.
  if (options.files && from && configSignature(from.config) === configSignature(config)) {
    workspace.indexParsedFilesFrom(options.files, from);
    workspace.evaluateAll();
  } else if (options.files) workspace.addParsedFiles(options.files);
  if (from) workspace.shareRanges(from);
  return workspace;
}
