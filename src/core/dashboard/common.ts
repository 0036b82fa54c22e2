import { entityAnchor, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { NodePath } from '../types';

/** 1-based line of an entity (its `id` line, or its first line). */
export function lineOf(ws: Workspace, e: Entity, subPath: NodePath = [], part: 'entity' | 'value' = 'entity'): number {
  return ws.rangeOf(entityAnchor(e, subPath, part)).start.line;
}

/** Sets an optional property only when the value exists (keeps the JSON free of undefined). */
export function assign<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
}

/** An ISO 4217 code as used for money units (`CNY`), else undefined. */
export function currencyOf(unit: unknown): string | undefined {
  return typeof unit === 'string' && /^[A-Z]{3}$/.test(unit) ? unit : undefined;
}

export { byString, refFirst } from './aggregate';

/** Counts into a map, creating entries on first use. */
export function tally<T>(map: Map<string, T>, key: string, init: () => T, add: (t: T) => void): void {
  let t = map.get(key);
  if (!t) map.set(key, (t = init()));
  add(t);
}
