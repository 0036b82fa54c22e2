import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { PackSource } from '../core';
import { DirectoryPackSource } from './fs';

/** The package's `schemas/` folder (the built-in `ops` pack), found upwards from this module. */
export function schemasDir(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'schemas');
    if (existsSync(path.join(candidate, 'pack.yaml'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the built-in schemas folder above ${start}`);
}

export function builtinPacks(dir: string = schemasDir()): Map<string, PackSource> {
  return new Map([['ops', new DirectoryPackSource('ops', dir)]]);
}

/** Today's date in the local time zone as YYYY-MM-DD. */
export function systemToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
