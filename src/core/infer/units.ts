import { Formatter } from '../format/format';
import { num, str, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import { ADDITIVE_UNITS, additiveUnitList, unitClassifier } from '../vocab/units';
import type { InferredVocabulary, Suspect } from './vocab';

/**
 * KPI units the pack does not know as additive, but which the workspace itself adds up: a KPI in
 * that unit whose contributing KPIs (same unit) have targets summing exactly to its own. One such
 * roll-up is the evidence. A unit whose roll-ups never sum is not declared (it may be a level, or
 * the roll-up may be the defect), but each such roll-up is put to the user in `suspects`: if
 * the unit counts things, declaring it lets `check` report the roll-up.
 */
export function inferAdditiveUnits(ws: Workspace, suspects: Suspect[] = []): InferredVocabulary | undefined {
  const additive = unitClassifier(additiveUnitList(ws.config));
  const found = new Map<string, { rollups: number; files: Set<string> }>();
  const unsure: { unit: string; kpi: Entity; sum: number; target: number; count: number }[] = [];
  for (const k of ws.entities('kpi')) {
    const unit = str(k.data['unit']);
    const target = num(k.data['target']);
    if (unit === undefined || unit === '' || target === undefined || additive(unit)) continue;
    const contributors = ws
      .referencesTo('kpi', k.id)
      .filter((r) => r.field === 'contributes_to' && r.from.kind === 'kpi')
      .map((r) => r.from);
    if (contributors.length < 2 || contributors.some((c) => c.data['unit'] !== unit)) continue;
    const targets = contributors.map((c) => num(c.data['target']));
    if (targets.some((t) => t === undefined)) continue;
    const sum = (targets as number[]).reduce((s, t) => s + t, 0);
    if (Math.abs(sum - target) > Math.max(1e-6, Math.abs(target) * 1e-9)) {
      unsure.push({ unit, kpi: k, sum, target, count: contributors.length });
      continue;
    }
    let f = found.get(unit);
    if (!f) found.set(unit, (f = { rollups: 0, files: new Set() }));
    f.rollups++;
    f.files.add(k.file);
    for (const c of contributors) f.files.add(c.file);
  }
  const f = new Formatter(ws.config.locale);
  for (const u of unsure) {
    if (found.has(u.unit)) continue; // declared: check reports this roll-up
    suspects.push({
      anchor: { file: u.kpi.file, doc: u.kpi.doc, path: [...u.kpi.path, 'target'], part: 'value' },
      kind: 'unsure',
      message:
        `KPI ${u.kpi.id} (unit "${u.unit}"): its ${u.count} contributing KPIs' targets add up to ${f.number(u.sum)}, not ${f.number(u.target)}. ` +
        `If "${u.unit}" counts things, declare it (vocabularies: { ${ADDITIVE_UNITS}: { add: [${u.unit}] } }) and opsbook check reports the roll-up; if it is a level (a rate, a score), leave it.`,
    });
  }
  if (found.size === 0) return undefined;
  const units = [...found.keys()].sort();
  const rollups = [...found.values()].reduce((s, f) => s + f.rollups, 0);
  const files = [...new Set([...found.values()].flatMap((f) => [...f.files]))].sort();
  return {
    name: ADDITIVE_UNITS,
    class: 'default',
    add: units,
    uses: rollups,
    files,
    comment: `${units.length === 1 ? 'a unit' : 'units'} whose contributing KPIs' targets sum to the parent KPI's target (${rollups === 1 ? 'one roll-up' : `${rollups} roll-ups`})`,
  };
}
