import type { Diagnostic } from '../core';
import { UsageError } from './io';

/**
 * Configuration problems stop a command with exit 2 (a usage error: the workspace is not
 * checked until they are fixed). They are ordinary diagnostics (`config/invalid`, …), so
 * `opsbook check` prints them in its `--format`; other commands print them as text.
 */
export class ConfigProblemsError extends UsageError {
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    where = '',
  ) {
    super(
      `configuration problems${where}:\n${diagnostics.map((d) => `  ${d.file}:${d.range.start.line}:${d.range.start.column}  ${d.severity}  ${d.message}  ${d.ruleId}`).join('\n')}`,
    );
  }
}
