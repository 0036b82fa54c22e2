import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { LinkResolver } from './workspaceFs';

/**
 * For folders on the extension host's disk: real paths through Node, so link loops and links
 * out of the folder are skipped exactly as the CLI skips them.
 */
export function localLinkResolver(root: vscode.Uri): LinkResolver | undefined {
  if (root.scheme !== 'file') return undefined;
  let realRoot: Promise<string> | undefined;
  return async (uri) => {
    realRoot ??= fsp.realpath(root.fsPath).catch(() => root.fsPath);
    try {
      const real = await fsp.realpath(uri.fsPath);
      const rel = path.relative(await realRoot, real);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)) ? real : undefined;
    } catch {
      return undefined;
    }
  };
}
