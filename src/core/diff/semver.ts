interface Version {
  parts: number[];
  pre: string[];
}

const SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Reads `1.2.3`, `v1.2.3-rc.1`; `1.2` (a YAML number) reads as 1.2.0. Undefined when not a version. */
export function parseVersion(v: unknown): Version | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const m = SEMVER.exec(String(v).trim());
  if (!m) return undefined;
  return { parts: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ? m[4].split('.') : [] };
}

/** Semver precedence: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const d = (a.parts[i] as number) - (b.parts[i] as number);
    if (d !== 0) return d;
  }
  // A pre-release sorts before its release; identifiers compare numerically when numeric.
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return Number(x) - Number(y);
    if (xn !== yn) return xn ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Whether `after` is a strictly higher version than `before` (false when either is not a version). */
export function isHigherVersion(before: unknown, after: unknown): boolean {
  const a = parseVersion(before);
  const b = parseVersion(after);
  return !!a && !!b && compareVersions(b, a) > 0;
}
