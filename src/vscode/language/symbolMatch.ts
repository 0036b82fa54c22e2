/** 0 = no match; exact id beats id prefix beats id substring beats title words; in-order letters of the id last. */
export function matchScore(q: string, id: string, title: string): number {
  if (!q) return 1;
  const lid = id.toLowerCase();
  const lt = title.toLowerCase();
  if (lid === q) return 100;
  if (lid.startsWith(q)) return 80;
  if (lid.includes(q)) return 60;
  if (lt.includes(q)) return 50;
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length > 1 && words.every((w) => lid.includes(w) || lt.includes(w))) return 40;
  // `pmp` finds PTN-MED-PETAL: letters of the id in order, as VS Code's own filter does.
  let i = 0;
  for (const ch of lid) if (ch === q[i]) i++;
  return i === q.length ? 10 : 0;
}
