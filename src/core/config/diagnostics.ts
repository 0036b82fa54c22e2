import type { Diagnostic } from '../types';
import type { ConfigProblem, ConfigRuleId } from './types';

/**
 * Configuration problems as ordinary diagnostics, so every host shows them the one way it
 * shows findings: the CLI in each `--format` (text, json, sarif, github), the editor through
 * its one converter. Their severity is always `error`: the workspace is not checked until
 * they are fixed (the CLI exits 2).
 *
 * Rule ids, a small set:
 * - `config/invalid` — `opsbook.yaml` or a `pack.yaml` does not parse or breaks its schema, or
 *   a setting is wrong (an unknown kind in `references:`, a bad `idPattern`, a vocabulary …).
 * - `config/pack-missing` — a pack named in `packs:` does not exist or has no `pack.yaml`.
 * - `config/schema-missing` — a kind's `schema:` / `fileSchema:` file is not there.
 */
export const CONFIG_RULE_IDS: readonly ConfigRuleId[] = ['config/invalid', 'config/pack-missing', 'config/schema-missing'];

/**
 * Whether a problem's file is a workspace file. Built-in packs (`<pack ops>/pack.yaml`) and the
 * editor's rule settings (`settings`) are not: their problems go on the configuration file, at
 * its first line, and say where they come from.
 */
function inWorkspace(file: string): boolean {
  return !file.startsWith('<') && file !== 'settings';
}

export function configDiagnostic(p: ConfigProblem, configPath: string): Diagnostic {
  const own = inWorkspace(p.file);
  const line = own ? Math.max(1, p.line) : 1;
  const column = own ? Math.max(1, p.column) : 1;
  const end =
    own && p.endLine !== undefined && p.endColumn !== undefined && (p.endLine > line || (p.endLine === line && p.endColumn >= column))
      ? { line: p.endLine, column: p.endColumn }
      : { line, column };
  return {
    file: own ? p.file : configPath,
    range: { start: { line, column }, end },
    severity: 'error',
    ruleId: p.ruleId ?? 'config/invalid',
    message: own ? p.message : `${p.file}: ${p.message}`,
  };
}

/** All of them, in the order found. `configPath`: the workspace's configuration file (`opsbook.yaml`). */
export function configDiagnostics(problems: readonly ConfigProblem[], configPath: string): Diagnostic[] {
  return problems.map((p) => configDiagnostic(p, configPath));
}
