import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * Hands the bundle VS Code loaded for this extension (`l10n/bundle.l10n.<language>.json`, none in
 * English) to `@vscode/l10n`, which the modules kept free of `vscode` use (Changes and History
 * rows, search rows, field documentation: they are tested on plain Node). Both kinds of call then
 * read one set of translations, extracted together by `npm run l10n:export`. Runs first in
 * `activate`, before any row is built; those modules call `l10n.t` when they build a row, never at
 * import time.
 */
export function shareL10nBundle(): void {
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
}
