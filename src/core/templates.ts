import type { ResolvedConfig } from './config/types';
import { currencyOf } from './dashboard/common';
import type { WorkspaceModel } from './model/queries';
import type { JsonValue } from './types';

export interface TemplateVars {
  id: string;
  title: string;
  today: string;
  /**
   * The workspace's currency (`workspaceCurrency`), read only when a template asks for it;
   * without one, ISO 4217's "no currency" code `XXX`, for the user to replace.
   */
  readonly currency?: string | undefined;
}

/** The variables a new record of this workspace is filled with. */
export function templateVars(ws: Pick<WorkspaceModel, 'entities' | 'todayDate'>, id: string, title = id): TemplateVars {
  return {
    id,
    title,
    today: ws.todayDate,
    get currency() {
      return workspaceCurrency(ws);
    },
  };
}

/**
 * The currency most of the workspace's money is in (`currency:` fields and money units, ISO
 * 4217 codes), so a new record of a company that counts in EUR is not written in CNY.
 */
export function workspaceCurrency(ws: Pick<WorkspaceModel, 'entities'>): string | undefined {
  const counts = new Map<string, number>();
  const visit = (v: JsonValue | undefined, key: string, depth: number): void => {
    if (typeof v === 'string') {
      const c = key === 'currency' || key === 'unit' ? currencyOf(v) : undefined;
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    } else if (Array.isArray(v)) {
      if (depth < 4) for (const x of v) visit(x, key, depth + 1);
    } else if (v && typeof v === 'object' && depth < 4) for (const [k, x] of Object.entries(v)) visit(x, k, depth + 1);
  };
  for (const e of ws.entities()) if (!e.parent) visit(e.data, '', 0);
  let best: string | undefined;
  for (const [c, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && c < best)) best = c;
  return best;
}

/**
 * Fills `{{id}}`, `{{title}}`, `{{today}}`, `{{year}}` and `{{currency}}`. A placeholder inside
 * double quotes is filled as a JSON string, so a title with quotes or colons stays valid YAML.
 */
export function fillTemplate(text: string, vars: TemplateVars): string {
  // The currency is looked up only when the template has the placeholder (it reads every entity).
  const values: Record<string, () => string> = {
    id: () => vars.id,
    title: () => vars.title.replace(/[\r\n]+/g, ' '),
    today: () => vars.today,
    year: () => vars.today.slice(0, 4),
    currency: () => vars.currency ?? 'XXX',
  };
  return text
    .replace(/"\{\{(\w+)\}\}"/g, (m, k: string) => (Object.hasOwn(values, k) ? JSON.stringify(values[k]!()) : m))
    .replace(/\{\{(\w+)\}\}/g, (m, k: string) => (Object.hasOwn(values, k) ? values[k]!() : m));
}

/** Default file for a new document of `kind`: the kind's first glob with the id as file name. */
export function defaultPathFor(config: ResolvedConfig, kind: string, id: string, templatePath: string): string | undefined {
  const glob = config.kinds.get(kind)?.files[0];
  const ext = templatePath.endsWith('.md') ? 'md' : 'yaml';
  const slug = id
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (!glob || !slug) return undefined;
  const dir = glob.split('/').filter((seg) => !/[*?[\]{}]/.test(seg));
  const hasWildcard = /[*?[\]{}]/.test(glob);
  if (!hasWildcard) {
    // A single-file kind (org/people.yaml): a new file beside it, which the glob does not match.
    return undefined;
  }
  return [...dir, `${slug}.${ext}`].join('/');
}
