import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../src/core/types';
import { Converter, diagnosticKey, fromZeroPosition, severityValue, toZeroRange, type VsApi } from '../../src/vscode/convert';

// Stand-ins for the VS Code classes: the converter only constructs them.
class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(sl: number, sc: number, el: number, ec: number) {
    this.start = new Position(sl, sc);
    this.end = new Position(el, ec);
  }
}
class Location {
  constructor(
    readonly uri: unknown,
    readonly range: Range,
  ) {}
}
class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}
class VsDiagnostic {
  source?: string;
  code?: string;
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}
const fakeVs = {
  Position,
  Range,
  Location,
  DiagnosticRelatedInformation,
  Diagnostic: VsDiagnostic,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
} as unknown as VsApi;

const refMissing: Diagnostic = {
  file: 'plans/2026/east.yaml',
  range: { start: { line: 12, column: 5 }, end: { line: 12, column: 18 } },
  severity: 'error',
  ruleId: 'ref/missing',
  message: 'INI-EAST-WINDOW: partner "PTN-MED-PETL" does not exist; did you mean "PTN-MED-PETAL"?',
  entity: 'INI-EAST-WINDOW',
  related: [{ file: 'partners/media.yaml', range: { start: { line: 15, column: 9 }, end: { line: 15, column: 22 } }, message: 'closest id' }],
  suggestions: ['PTN-MED-PETAL'],
};

describe('convert: core diagnostics to VS Code', () => {
  it('should turn 1-based line and column into 0-based positions, end exclusive kept', () => {
    assert.deepEqual(toZeroRange(refMissing.range), { start: { line: 11, character: 4 }, end: { line: 11, character: 17 } });
  });

  it('should collapse an end before the start onto the start', () => {
    assert.deepEqual(toZeroRange({ start: { line: 3, column: 7 }, end: { line: 2, column: 1 } }), {
      start: { line: 2, character: 6 },
      end: { line: 2, character: 6 },
    });
  });

  it('should clamp line 0 or column 0 to the document start instead of going negative', () => {
    assert.deepEqual(toZeroRange({ start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }), {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
  });

  it('should map severities to DiagnosticSeverity values', () => {
    assert.equal(severityValue('error'), 0);
    assert.equal(severityValue('warning'), 1);
    assert.equal(severityValue('info'), 2);
  });

  it('should convert a ref/missing diagnostic with code, source and related information', () => {
    const uris: string[] = [];
    const d = new Converter(fakeVs).diagnostic(refMissing, (f) => {
      uris.push(f);
      return `uri:${f}` as never;
    }) as unknown as VsDiagnostic;
    assert.equal(d.code, 'ref/missing');
    assert.equal(d.source, 'opsbook');
    assert.equal(d.severity, 0);
    assert.equal(d.message, refMissing.message);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [11, 4, 11, 17]);
    assert.equal(d.relatedInformation?.length, 1);
    const rel = d.relatedInformation?.[0];
    assert.equal(rel?.message, 'closest id');
    assert.equal(rel?.location.uri, 'uri:partners/media.yaml');
    assert.deepEqual([rel?.location.range.start.line, rel?.location.range.start.character], [14, 8]);
    assert.deepEqual(uris, ['partners/media.yaml']);
  });

  it('should leave relatedInformation unset when the core diagnostic has none', () => {
    const { related: _r, ...plain } = refMissing;
    const d = new Converter(fakeVs).diagnostic(plain, () => 'u' as never) as unknown as VsDiagnostic;
    assert.equal(d.relatedInformation, undefined);
  });

  it('should find the core diagnostic again from a copy of the published one', () => {
    const published = new Converter(fakeVs).diagnostic(refMissing, () => 'u' as never) as unknown as VsDiagnostic;
    const copy = {
      range: { start: { ...published.range.start }, end: { ...published.range.end } },
      message: published.message,
      code: { value: 'ref/missing', target: 'x' },
    };
    assert.equal(diagnosticKey(copy), diagnosticKey(published));
  });

  it('should convert an editor position back to 1-based', () => {
    assert.deepEqual(fromZeroPosition({ line: 0, character: 4 }), { line: 1, column: 5 });
  });
});
