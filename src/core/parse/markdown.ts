/** A body section: a heading and the lines up to the next heading. */
export interface Section {
  heading: string;
  level: number;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the section (inclusive). */
  endLine: number;
}

export interface FrontMatter {
  /** The YAML between the fences. */
  text: string;
  /** Lines before the first YAML line (the opening fence and anything above it): add to YAML lines. */
  lineOffset: number;
}

export interface MarkdownParse {
  frontMatter?: FrontMatter;
  /** Front matter opened but never closed: line of the opening fence. */
  unclosedFrontMatterLine?: number;
  body: string;
  /** 1-based file line of the body's first line. */
  bodyLine: number;
  sections: Section[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const HTML_RAW = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i;
const HTML_BLOCK =
  /^ {0,3}<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i;
const HTML_TAG_LINE = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S/;

/**
 * Splits a Markdown file into front matter, body and heading sections.
 *
 * Hand-written on purpose: the engine needs only the front matter block and the heading
 * outline, and running remark-parse over every body costs ~7 s per 10,000 files here, which
 * alone breaks the 3 s check budget. The scanner follows CommonMark for what it reads (ATX and
 * setext headings, fenced code, indentation, front matter fences as remark-frontmatter reads
 * them); a test checks it against unified + remark-parse + remark-frontmatter on every sample.
 */
export function parseMarkdown(text: string): MarkdownParse {
  const lines = text.split('\n');
  let bodyStartIndex = 0;
  let frontMatter: FrontMatter | undefined;
  let unclosedFrontMatterLine: number | undefined;
  if (/^---[ \t]*$/.test(stripCr(lines[0] ?? ''))) {
    let close = -1;
    for (let i = 1; i < lines.length; i++) {
      const l = stripCr(lines[i] ?? '');
      if (/^---[ \t]*$/.test(l)) {
        close = i;
        break;
      }
    }
    if (close === -1) unclosedFrontMatterLine = 1;
    else {
      frontMatter = { text: lines.slice(1, close).join('\n'), lineOffset: 1 };
      bodyStartIndex = close + 1;
    }
  }
  const sections = scanHeadings(lines, bodyStartIndex);
  const body = lines.slice(bodyStartIndex).join('\n');
  const result: MarkdownParse = { body, bodyLine: bodyStartIndex + 1, sections };
  if (frontMatter) result.frontMatter = frontMatter;
  if (unclosedFrontMatterLine !== undefined) result.unclosedFrontMatterLine = unclosedFrontMatterLine;
  return result;
}

function scanHeadings(lines: string[], from: number): Section[] {
  const sections: Section[] = [];
  let fence: { char: string; len: number } | undefined;
  let paragraph = false;
  let paragraphLine = -1;
  let inHtmlComment = false;
  // An HTML block: until a blank line, or (for <script>, <pre>, <style>, <textarea>) its end tag.
  let htmlUntil: 'blank' | RegExp | undefined;
  // After a block quote line, text lines are lazy continuations of the quote, not paragraphs.
  let inQuote = false;
  for (let i = from; i < lines.length; i++) {
    const line = stripCr(lines[i] ?? '');
    if (htmlUntil) {
      if (htmlUntil === 'blank' ? line.trim() === '' : htmlUntil.test(line)) htmlUntil = undefined;
      continue;
    }
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1] && m[1][0] === fence.char && m[1].length >= fence.len) fence = undefined;
      continue;
    }
    if (inHtmlComment) {
      if (line.includes('-->')) inHtmlComment = false;
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
      inHtmlComment = true;
      paragraph = false;
      continue;
    }
    const f = FENCE_OPEN.exec(line);
    if (f && f[1] && !(f[1][0] === '`' && line.slice(line.indexOf(f[1]) + f[1].length).includes('`'))) {
      fence = { char: f[1][0] ?? '`', len: f[1].length };
      paragraph = false;
      continue;
    }
    if (line.trim() === '') {
      paragraph = false;
      inQuote = false;
      continue;
    }
    const raw = HTML_RAW.exec(line);
    if (raw) {
      paragraph = false;
      const end = new RegExp(`</${raw[1]}>`, 'i');
      if (!end.test(line.slice(raw[0].length))) htmlUntil = end;
      continue;
    }
    if (HTML_BLOCK.test(line) || (!paragraph && HTML_TAG_LINE.test(line))) {
      paragraph = false;
      htmlUntil = 'blank';
      continue;
    }
    const atx = ATX.exec(line);
    if (atx && atx[1]) {
      const heading = (atx[2] ?? '')
        .replace(/[ \t]+#+[ \t]*$/, '')
        .replace(/^#+[ \t]*$/, '')
        .trim();
      push(sections, heading, atx[1].length, i + 1);
      paragraph = false;
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext && setext[1] && paragraph && !/^ {4,}/.test(lines[paragraphLine] ?? '')) {
      const heading = lines
        .slice(paragraphLine, i)
        .map((l) => stripCr(l).trim())
        .join('\n');
      push(sections, heading, setext[1][0] === '=' ? 1 : 2, paragraphLine + 1);
      paragraph = false;
      continue;
    }
    if (/^ {4,}|^\t/.test(line) && !paragraph) continue; // indented code
    if (/^ {0,3}>/.test(line)) {
      inQuote = true;
      paragraph = false;
      continue;
    }
    if (inQuote) continue; // lazy continuation of the quote's paragraph
    if (!paragraph && LINK_DEFINITION.test(line)) continue;
    if (!paragraph && !/^ {0,3}([-*+]|\d{1,9}[.)])([ \t]|$)|^ {0,3}[-*_]([ \t]*[-*_]){2,}[ \t]*$|^ {0,3}\|/.test(line)) {
      paragraph = true;
      paragraphLine = i;
    } else if (!paragraph) {
      paragraph = false;
    }
  }
  for (let s = 0; s < sections.length; s++) {
    const next = sections[s + 1];
    (sections[s] as Section).endLine = next ? next.line - 1 : lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
  }
  return sections;
}

function push(sections: Section[], heading: string, level: number, line: number): void {
  sections.push({ heading, level, line, endLine: line });
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
