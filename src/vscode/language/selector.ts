import type * as vscode from 'vscode';

/** YAML files and Markdown front matter on disk; providers check that the file is in an Opsbook folder. */
export const OPSBOOK_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'yaml', scheme: 'file' },
  { language: 'markdown', scheme: 'file' },
  { pattern: '**/*.{yaml,yml}', scheme: 'file' },
];
