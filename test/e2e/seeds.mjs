// @ts-check
/**
 * What the end-to-end workspace holds beyond samples/lumen-oak: seeded
 * defects and the expected findings. Plain data, no imports: the in-host suite
 * (bundled into the test extension) imports it too.
 */

/** The sample is written "as of" this date (the `opsbook.today` setting). */
export const TODAY = '2026-06-15';

/**
 * Seeded edits. `find` → `replace` in `file` (exactly one occurrence), or
 * `create` for a new file. `ruleId`/`line` describe the finding it causes
 * (none for a file only the in-host pack test uses).
 * @type {ReadonlyArray<{ name: string, file: string, find?: string, replace?: string, create?: string, ruleId?: string, line?: number, text?: string }>}
 */
export const SEEDS = Object.freeze([
  {
    name: 'unknown partner in a plan',
    file: 'plans/2026/north.yaml',
    find: 'partners: [PTN-SUP-FITRIGHT]',
    replace: 'partners: [PTN-SUP-FITRIGHT, PTN-SUP-GHOSTWOOD]',
    ruleId: 'ref/missing',
    line: 40,
    text: 'PTN-SUP-GHOSTWOOD',
  },
  {
    name: 'project status outside its vocabulary',
    file: 'projects/east-ningbo-counter.md',
    find: 'status: in-progress',
    replace: 'status: stalled',
    ruleId: 'vocab/unknown',
    line: 8,
    text: 'PRJ-EAST-NINGBO-COUNTER',
  },
  {
    name: 'channel price below the floor',
    file: 'catalog/bedroom.yaml',
    find: 'wholesale: 7699',
    replace: 'wholesale: 6500',
    ruleId: 'price/below-floor',
    line: 16,
    text: 'SKU-2001',
  },
  {
    name: "a file of the in-host test pack's kind (no kind without that pack)",
    file: 'gadgets/desk-lamp.yaml',
    create: 'id: GAD-DESK-LAMP\ntitle: Desk lamp gadget\nstatus: broken\n',
  },
]);

/** samples/lumen-oak's own findings as of {@link TODAY} (`opsbook check --today 2026-06-15`). */
export const BASELINE = Object.freeze([
  { file: 'inventory/east.yaml', line: 9, ruleId: 'inventory/below-reorder' },
  { file: 'inventory/north.yaml', line: 14, ruleId: 'inventory/below-reorder' },
  { file: 'inventory/south.yaml', line: 16, ruleId: 'inventory/below-reorder' },
  { file: 'org/people.yaml', line: 256, ruleId: 'training/missing-required' },
  { file: 'org/people.yaml', line: 272, ruleId: 'training/missing-required' },
  { file: 'partners/media.yaml', line: 22, ruleId: 'partner/contract-expiring' },
  { file: 'projects/north-sanlitun-windows.md', line: 10, ruleId: 'project/overdue' },
  { file: 'projects/south-cobrand-popup.md', line: 12, ruleId: 'project/over-budget' },
]);

/**
 * The pack the in-host suite registers through the extension API: a custom
 * kind `gadget` (gadgets/**\/*.yaml, one entity per file) whose schema allows
 * status on/off, so the seeded gadgets/desk-lamp.yaml gets a schema/enum error.
 */
export const INHOST_PACK = Object.freeze({
  name: 'e2e-gadgets',
  file: 'gadgets/desk-lamp.yaml',
  ruleId: 'schema/enum',
  files: {
    'pack.yaml': [
      'name: e2e-gadgets',
      'kinds:',
      '  gadget:',
      '    files: "gadgets/**/*.yaml"',
      '    layout: single',
      '    schema: gadget.schema.json',
      '',
    ].join('\n'),
    'gadget.schema.json': JSON.stringify(
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        required: ['id', 'title', 'status'],
        properties: {
          id: { type: 'string', description: 'Gadget id' },
          title: { type: 'string' },
          status: { enum: ['on', 'off'], description: 'Whether the gadget is on' },
        },
      },
      null,
      2,
    ),
  },
});
