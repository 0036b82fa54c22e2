import * as vscode from 'vscode';
import { type Entity, formatOf, LineIndex, type Range as CoreRange } from '../../core';
import { Converter } from '../convert';
import type { OpsbookFolder } from '../model/folder';
import type { Hub } from '../model/hub';
import type { KindShape, RefSpec } from './entityPath';

export const convert = new Converter(vscode);

/**
 * A YAML file or a Markdown file's front matter in an Opsbook folder, with the live editor text
 * and its kind: what every language feature starts from.
 */
export class DocContext {
  private readonly lines: LineIndex;

  constructor(
    readonly folder: OpsbookFolder,
    readonly rel: string,
    readonly document: vscode.TextDocument,
    /** The YAML text (the whole file, or the front matter between its fences). */
    readonly yamlText: string,
    /** Editor lines before the YAML's first line. */
    readonly lineOffset: number,
    readonly kind: string | undefined,
    readonly shape: KindShape | undefined,
  ) {
    this.lines = new LineIndex(yamlText);
  }

  get ws() {
    return this.folder.workspace;
  }

  get refs(): RefSpec[] {
    return this.ws.config.references;
  }

  /** YAML offset of an editor position; undefined outside the YAML (a Markdown body). */
  offsetAt(pos: vscode.Position): number | undefined {
    const line = pos.line - this.lineOffset;
    if (line < 0 || line >= this.lines.lineCount) return undefined;
    return this.lines.offset({ line: line + 1, column: pos.character + 1 });
  }

  positionAt(offset: number): vscode.Position {
    const p = this.lines.position(offset);
    return new vscode.Position(p.line - 1 + this.lineOffset, p.column - 1);
  }

  rangeAt(start: number, end: number): vscode.Range {
    return new vscode.Range(this.positionAt(start), this.positionAt(end));
  }

  /** The kind shape of another kind (a reference's target) in this folder. */
  shapeOf(kind: string): KindShape | undefined {
    return shapeOf(this.folder, kind, this.rel);
  }
}

/** The language-feature context of a document, after applying its pending edits to the model. */
export function documentContext(hub: Hub, document: vscode.TextDocument): DocContext | undefined {
  const format = formatOf(document.uri.path);
  if (!format) return undefined;
  const folder = hub.sync(document);
  if (!folder?.loaded || folder.configProblems.length > 0) return undefined;
  const rel = folder.relativePath(document.uri);
  if (rel === undefined || !folder.included(rel)) return undefined;
  const text = document.getText();
  let yamlText = text;
  let lineOffset = 0;
  if (format === 'markdown') {
    const fm = frontMatterOf(text);
    if (!fm) return undefined;
    ({ yamlText, lineOffset } = fm);
  }
  const ws = folder.workspace;
  const kind = ws.fileKind(rel) ?? ws.kindForPath(rel);
  const shape = kind ? shapeOf(folder, kind, rel) : undefined;
  return new DocContext(folder, rel, document, yamlText, lineOffset, kind, shape);
}

/** The front matter between `---` fences on the first line and the next `---` line. */
export function frontMatterOf(text: string): { yamlText: string; lineOffset: number } | undefined {
  const lines = text.split('\n');
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? '')) return undefined;
  for (let i = 1; i < lines.length; i++) {
    if (/^---[ \t]*\r?$/.test(lines[i] ?? '')) return { yamlText: lines.slice(1, i).join('\n'), lineOffset: 1 };
  }
  // Unclosed: everything after the fence is being typed as front matter.
  return { yamlText: lines.slice(1).join('\n'), lineOffset: 1 };
}

export function shapeOf(folder: OpsbookFolder, kind: string, rel?: string): KindShape | undefined {
  const kc = folder.workspace.kindConfig(kind);
  if (!kc) return undefined;
  const shape: KindShape = {
    name: kc.name,
    layout: rel && formatOf(rel) === 'markdown' ? 'markdown' : (kc.layout ?? 'single'),
    idField: kc.id,
    nested: kc.nested,
  };
  if (kc.listKey) shape.listKey = kc.listKey;
  if (kc.schema) shape.schema = kc.schema.json;
  return shape;
}

/** Where an entity is: the file and its id (or first line) range. */
export function entityLocation(folder: OpsbookFolder, e: Entity): vscode.Location {
  return new vscode.Location(folder.uriOf(e.file), convert.range(idRange(folder, e)));
}

/** The range of an entity's id value (the key for map-layout entries), else its first line. */
export function idRange(folder: OpsbookFolder, e: Entity): CoreRange {
  const ws = folder.workspace;
  const kc = ws.kindConfig(e.kind);
  if (!e.parent && kc?.layout === 'map' && formatOf(e.file) !== 'markdown') return ws.rangeOf({ file: e.file, doc: e.doc, path: e.path, part: 'key' });
  const idField = kc?.id ?? 'id';
  if (Object.prototype.hasOwnProperty.call(e.data, idField)) return ws.rangeOf({ file: e.file, doc: e.doc, path: [...e.path, idField], part: 'value' });
  return ws.entityRange(e);
}
