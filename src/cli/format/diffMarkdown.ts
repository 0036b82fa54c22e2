import {
  type Diagnostic,
  type EntityChange,
  fieldPhrase,
  gist,
  hunkPhrase,
  type JsonValue,
  plural,
  type RequiredApprover,
  sectionPhrase,
  type Style,
  valueText,
} from '../../core';
import { CHANGE_TYPES, countByKind, reviewCounts, type DiffReport } from './diffReport';

/** GitHub comments are limited to 65,536 characters; stay well below with room for the footer. */
export const MARKDOWN_LIMIT = 60_000;
/** Lists longer than this fold into a <details> block. */
const FOLD = 8;

/**
 * Escapes document text for Markdown and HTML: nothing a document says can add markup, links,
 * HTML or @-mentions to the comment.
 */
export function mdText(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b');
}

/** A value as inline code: backtick runs in it get a longer fence, so it never breaks out. */
export function mdCode(s: string): string {
  const text = s.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const style: Style = {
  text: mdText,
  value: (v: JsonValue) => (typeof v === 'number' || typeof v === 'boolean' || v === null ? String(v) : mdCode(valueText(v))),
  del: (s) => `~~${mdText(s)}~~`,
  ins: (s) => `**${mdText(s)}**`,
  strong: (s) => `**${mdText(s)}**`,
  path: mdCode,
};

/** A pull-request comment: summary table, review findings, approvers, then details per entity, capped in size. */
export function formatDiffMarkdown(r: DiffReport, limit = MARKDOWN_LIMIT): string {
  const d = r.diff;
  const head: string[] = [];
  head.push(`### Opsbook: ${mdCode(r.base)} → ${mdCode(r.head)}`, '');
  if (d.changes.length === 0) head.push('No changes to structured documents.', '');
  else {
    head.push('| Kind | Added | Removed | Modified | Moved | Renamed |', '|:--|--:|--:|--:|--:|--:|');
    const cell = (n: number) => (n === 0 ? '·' : String(n));
    for (const { kind, counts } of countByKind(d.changes)) head.push(`| ${mdText(kind)} | ${CHANGE_TYPES.map((t) => cell(counts[t])).join(' | ')} |`);
    if (countByKind(d.changes).length > 1)
      head.push(`| **total** | ${CHANGE_TYPES.map((t) => `**${cell(d.changes.filter((c) => c.change === t).length)}**`).join(' | ')} |`);
    head.push('');
  }
  const rc = reviewCounts(r);
  const status = [
    rc.errors ? `❌ ${plural(rc.errors, 'review error')}` : d.review.length === 0 ? '✅ review rules pass' : '',
    rc.warnings ? `⚠️ ${plural(rc.warnings, 'review warning')}` : '',
    d.approvers.length ? `👥 ${plural(d.approvers.length, 'approver')} required` : '',
    d.introduced.length ? `🆕 ${plural(d.introduced.length, 'new problem')}` : 'no new problems',
    d.parseErrors.length ? `⛔ ${plural(d.parseErrors.length, 'file')} that do not parse` : '',
  ].filter(Boolean);
  head.push(status.join(' · '), '');

  if (d.review.length) {
    head.push('#### Review rules', '');
    head.push(
      ...fold(
        d.review.map(
          (x) => `- ${x.severity === 'error' ? '❌' : '⚠️'} ${mdText(x.message)} (${mdCode(x.ruleId)}, ${mdCode(`${x.file}:${x.range.start.line}`)})`,
        ),
        'more review findings',
      ),
    );
    head.push('');
  }
  if (d.approvers.length) {
    head.push('#### Approvals required', '', '| Approver | For |', '|:--|:--|');
    for (const a of d.approvers) head.push(`| ${approver(a)} | ${a.for.map((x) => mdText(x)).join(', ')} |`);
    head.push('');
  }
  if (d.parseErrors.length) {
    head.push('#### Files that do not parse', '');
    head.push(
      ...fold(
        d.parseErrors.map(
          (p) =>
            `- ${mdCode(`${p.file}:${p.line}`)} (${p.side}): ${mdText(p.message)}${p.entities.length ? ` — not compared: ${p.entities.map(mdText).join(', ')}` : ''}`,
        ),
        'more files',
      ),
    );
    head.push('');
  }
  if (d.introduced.length) {
    head.push('#### New problems introduced by this change', '');
    head.push(...fold(d.introduced.map(diagItem), 'more new problems'));
    head.push('');
  }

  const blocks: string[] = [];
  for (const { kind } of countByKind(d.changes)) {
    const changes = d.changes.filter((c) => c.kind === kind);
    const items = changes.map(entityBlock);
    blocks.push(`##### ${mdText(kind)}\n`);
    if (items.length > FOLD) {
      blocks.push(`<details><summary>${plural(items.length, 'change')}</summary>\n`);
      blocks.push(...items.map((i) => i + '\n'));
      blocks.push('</details>\n');
    } else blocks.push(...items.map((i) => i + '\n'));
  }
  return capped(head.join('\n'), blocks, limit, r);
}

/** Joins the head and as many detail blocks as fit; the rest is replaced by a note. */
function capped(head: string, blocks: string[], limit: number, r: DiffReport): string {
  const size = (s: string) => new TextEncoder().encode(s).length;
  const note = (n: number) =>
    `\n> ✂️ Output truncated at ${Math.round(limit / 1000)} KB: ${plural(n, 'more block')} of details not shown. Run ${mdCode(`opsbook diff ${r.base}${r.headCommit ? ` ${r.head}` : ''} --format json`)} for everything.\n`;
  let out = head + (blocks.length ? '\n#### Changes\n\n' : '');
  let used = size(out);
  let openDetails = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as string;
    const s = size(b) + 1;
    if (used + s + size(note(blocks.length)) + 20 > limit) {
      if (openDetails) out += '</details>\n';
      return out + note(blocks.length - i);
    }
    if (b.startsWith('<details>')) openDetails = true;
    if (b.startsWith('</details>')) openDetails = false;
    out += b + '\n';
    used += s;
  }
  return out.replace(/\n+$/, '\n');
}

function entityBlock(c: EntityChange): string {
  // Titles first: `**Oslo sofa** (SKU-1001)`; the id alone when there is no title.
  const name = c.title && c.title.trim() && c.title !== c.id ? `**${mdText(c.title)}** (${mdText(c.id)})` : `**${mdText(c.id)}**`;
  // One change reads best inline ("Oslo sofa (SKU-1001) list_price 12999 → 14299"); more get a list.
  const inline = c.sections.length + c.fields.length <= 1;
  const lines = [`- ${name} — ${gist(c, style, 1)}`];
  const details: string[] = [];
  for (const s of c.sections) {
    if (!inline) details.push(`${sectionPhrase(s, style)}${s.hunks?.length ? ':' : ''}`);
    for (const h of s.hunks ?? []) details.push(`  > ${hunkPhrase(h, style)}`);
    const more = (s.hunkCount ?? 0) - (s.hunks?.length ?? 0);
    if (more > 0) details.push(`  > … ${plural(more, 'more change')} in this section`);
  }
  if (!inline) for (const f of c.fields) details.push(fieldPhrase(f, style));
  const nestedCount = c.nested.length;
  if (nestedCount && (c.change === 'added' || c.change === 'removed')) details.push(`with ${plural(nestedCount, 'nested record')}`);
  const topLevel = details.filter((x) => !x.startsWith('  '));
  if (topLevel.length > FOLD) {
    const cut = indexOfNth(details, (x) => !x.startsWith('  '), 3);
    lines.push(...details.slice(0, cut).map(bullet));
    lines.push('', `  <details><summary>${topLevel.length - 3} more</summary>`, '');
    lines.push(...details.slice(cut).map(bullet));
    lines.push('', '  </details>', '');
  } else lines.push(...details.map(bullet));
  lines.push(`  - ${mdCode(c.file)}${c.approvers.length ? ` · approval: ${c.approvers.map(mdText).join(', ')}` : ''}`);
  return lines.join('\n');
}

function bullet(line: string): string {
  return line.startsWith('  ') ? `    ${line.slice(2)}` : `  - ${line}`;
}

function indexOfNth<T>(list: T[], pred: (x: T) => boolean, n: number): number {
  let seen = 0;
  for (let i = 0; i < list.length; i++) if (pred(list[i] as T) && ++seen > n) return i;
  return list.length;
}

function approver(a: RequiredApprover): string {
  const name = a.name ? `${mdText(a.name)} ` : '';
  const id = `(${mdText(a.id)}${a.github ? '' : ', no GitHub handle'})`;
  return a.github ? `@${a.github.replace(/[^A-Za-z0-9-]/g, '')} ${name}${id}` : `${name}${id}`;
}

function diagItem(d: Diagnostic): string {
  return `- ${d.severity === 'error' ? '❌' : d.severity === 'warning' ? '⚠️' : 'ℹ️'} ${mdCode(`${d.file}:${d.range.start.line}`)} ${mdText(d.message)} (${mdCode(d.ruleId)})`;
}

/** A list that folds into <details> after the first few items. */
function fold(items: string[], what: string): string[] {
  if (items.length <= FOLD) return items;
  return [...items.slice(0, FOLD - 3), '', `<details><summary>${items.length - (FOLD - 3)} ${what}</summary>`, '', ...items.slice(FOLD - 3), '', '</details>'];
}
