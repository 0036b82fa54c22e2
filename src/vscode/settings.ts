import * as vscode from 'vscode';

/** The `opsbook.*` settings of one folder. */
export interface FolderSettings {
  configPath: string;
  today?: string;
  rules?: Record<string, unknown>;
}

export function folderSettings(folder: vscode.WorkspaceFolder): FolderSettings {
  const c = vscode.workspace.getConfiguration('opsbook', folder.uri);
  const out: FolderSettings = { configPath: normalizeConfigPath(c.get<string>('configPath')) };
  const today = c.get<string>('today')?.trim();
  if (today) out.today = today;
  const rules = c.get<Record<string, unknown>>('rules');
  if (rules && typeof rules === 'object' && Object.keys(rules).length > 0) out.rules = rules;
  return out;
}

function normalizeConfigPath(p: string | undefined): string {
  const clean = (p ?? '').trim().replace(/\\/g, '/').replace(/^\.\//, '');
  return clean || 'opsbook.yaml';
}

/** Settings that change what the engine computes: changing them rebuilds the folder's engine. */
export const ENGINE_SETTINGS = ['opsbook.configPath', 'opsbook.today', 'opsbook.rules'];

export function validateOnType(uri: vscode.Uri): { enabled: boolean; delay: number } {
  const c = vscode.workspace.getConfiguration('opsbook', uri);
  const delay = c.get<number>('validateOnTypeDelay') ?? 250;
  return { enabled: c.get<boolean>('validateOnType') ?? true, delay: Math.max(0, Math.min(5000, delay)) };
}
