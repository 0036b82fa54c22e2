import type * as vscode from 'vscode';
import type { Diagnostic, Position, Range, Severity } from '../core';

/**
 * The one place where core results (1-based lines and columns, end exclusive) become VS Code
 * objects (0-based). The VS Code constructors are passed in, so this module runs in plain Node
 * tests without the `vscode` module.
 */
export type VsApi = Pick<typeof vscode, 'Range' | 'Position' | 'Diagnostic' | 'DiagnosticRelatedInformation' | 'Location' | 'DiagnosticSeverity'>;

/** A 0-based line/character pair. */
export interface ZeroPosition {
  line: number;
  character: number;
}

export function toZeroPosition(p: Position): ZeroPosition {
  return { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
}

export function fromZeroPosition(p: ZeroPosition): Position {
  return { line: p.line + 1, column: p.character + 1 };
}

/** 0-based start and end of a core range; an end before the start collapses onto the start. */
export function toZeroRange(r: Range): { start: ZeroPosition; end: ZeroPosition } {
  const start = toZeroPosition(r.start);
  let end = toZeroPosition(r.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  return { start, end };
}

/** `vscode.DiagnosticSeverity` values: Error 0, Warning 1, Information 2. */
export function severityValue(s: Severity): 0 | 1 | 2 {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

export const DIAGNOSTIC_SOURCE = 'opsbook';

export class Converter {
  constructor(private readonly vs: VsApi) {}

  position(p: Position): vscode.Position {
    const z = toZeroPosition(p);
    return new this.vs.Position(z.line, z.character);
  }

  range(r: Range): vscode.Range {
    const z = toZeroRange(r);
    return new this.vs.Range(z.start.line, z.start.character, z.end.line, z.end.character);
  }

  diagnostic(d: Diagnostic, uriOf: (file: string) => vscode.Uri): vscode.Diagnostic {
    const out = new this.vs.Diagnostic(this.range(d.range), d.message, severityValue(d.severity) as vscode.DiagnosticSeverity);
    out.source = DIAGNOSTIC_SOURCE;
    out.code = d.ruleId;
    if (d.related && d.related.length > 0) {
      out.relatedInformation = d.related.map(
        (r) => new this.vs.DiagnosticRelatedInformation(new this.vs.Location(uriOf(r.file), this.range(r.range)), r.message),
      );
    }
    return out;
  }
}

/**
 * A key that identifies a diagnostic across the extension host boundary: code actions receive
 * copies of the published diagnostics, so the core diagnostic is found again by value.
 */
export function diagnosticKey(d: { range: { start: ZeroPosition; end: ZeroPosition }; message: string; code?: unknown }): string {
  const code = typeof d.code === 'object' && d.code !== null ? String((d.code as { value: unknown }).value) : String(d.code ?? '');
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${code}|${d.message}`;
}
