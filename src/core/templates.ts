import type { ResolvedConfig } from './config/types';

export interface TemplateVars {
  id: string;
  title: string;
  today: string;
}

/**
 * Fills `{{id}}`, `{{title}}`, `{{today}}` and `{{year}}`. A placeholder inside double quotes
 * is filled as a JSON string, so a title with quotes or colons stays valid YAML.
 */
export function fillTemplate(text: string, vars: TemplateVars): string {
  const values: Record<string, string> = { id: vars.id, title: vars.title.replace(/[\r\n]+/g, ' '), today: vars.today, year: vars.today.slice(0, 4) };
  return text
    .replace(/"\{\{(\w+)\}\}"/g, (m, k: string) => (k in values ? JSON.stringify(values[k]) : m))
    .replace(/\{\{(\w+)\}\}/g, (m, k: string) => values[k] ?? m);
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
