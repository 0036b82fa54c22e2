import { strict as assert } from 'node:assert';
import { parseYaml } from '../../src/core/parse/yaml';
import { YamlPositions } from '../../src/core/parse/positions';
import type { AnchorPart, NodePath } from '../../src/core/types';

/** A long supplier register the way a tea wholesaler keeps it: comments between items, block scalars, flow maps, CRLF. */
function register(n: number, eol: string): string {
  let text = `# 供应商名录${eol}suppliers:${eol}`;
  for (let i = 0; i < n; i++) {
    if (i % 50 === 0) text += `  # 第 ${i / 50 + 1} 批${eol}`;
    text += `  - code: GYS-${String(i).padStart(4, '0')}  # 编号${eol}`;
    text += `    id: S${i}${eol}`;
    if (i % 7 === 0) text += `    notes: |${eol}      - 不是列表项${eol}      - 也不是${eol}`;
    text += `    contract: { amount: ${i}, currency: CNY }${eol}`;
    text += `    regions: [华东, 华南]${eol}`;
  }
  return text + `fiscal_year_start: 04-01${eol}`;
}

describe('Source positions in long list files', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`resolves every range item by item exactly as the whole document does (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
      const text = register(1500, eol);
      assert.ok(text.length > 64 * 1024);
      const { docs, problems } = parseYaml(text);
      assert.deepEqual(problems, []);
      const whole = new YamlPositions(text, 3);
      const windowed = new YamlPositions(text, 3, docs);
      const probes: [NodePath, AnchorPart][] = [];
      for (const i of [0, 1, 7, 49, 50, 700, 1499]) {
        probes.push([['suppliers', i], 'entity'], [['suppliers', i, 'contract', 'amount'], 'value'], [['suppliers', i, 'notes'], 'value']);
        probes.push([['suppliers', i, 'regions', 1], 'value'], [['suppliers', i, 'contract'], 'key'], [['suppliers', i, 'missing', 'deeper'], 'value']);
      }
      probes.push([['suppliers', 1500], 'entity'], [['suppliers'], 'key'], [['fiscal_year_start'], 'value']);
      for (const [path, part] of probes) assert.deepEqual(windowed.rangeOf(0, path, part), whole.rangeOf(0, path, part), `${path.join('.')} ${part}`);
      assert.deepEqual(windowed.rangeOf(0, ['suppliers', 1499], 'entity').start.line, text.split('\n').length - 4 + 3);
    });
  }

  it('falls back to the whole document when an item refers to an anchor of another item', () => {
    const text = register(1500, '\n')
      .replace('    id: S3\n', '    id: S3\n    base: &base { a: 1 }\n')
      .replace('    id: S900\n', '    id: S900\n    base: *base\n');
    const { docs } = parseYaml(text);
    const whole = new YamlPositions(text);
    const windowed = new YamlPositions(text, 0, docs);
    for (const i of [3, 900, 901])
      assert.deepEqual(windowed.rangeOf(0, ['suppliers', i, 'base'], 'value'), whole.rangeOf(0, ['suppliers', i, 'base'], 'value'));
  });
});
