/** Adaptive Card Markdown (CommonMark subset) to Slack mrkdwn and plain text. */

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `**b**` → `*b*`, `[t](u)` → `<u|t>`, `- item` → `• item`; &, < and > escaped as Slack asks. */
export function toMrkdwn(markdown: string): string {
  return escapeSlack(markdown)
    .replace(LINK, '<$2|$1>')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/^- /gm, '• ');
}

/** The text without Markdown, for plain_text fields: links keep their address. */
export function toPlain(markdown: string): string {
  return markdown.replace(LINK, '$1 ($2)').replace(/\*\*(.+?)\*\*/g, '$1');
}

/** Bold in mrkdwn, line by line (a `*` span cannot cross a line break). */
export function bold(mrkdwnText: string): string {
  return mrkdwnText
    .split('\n')
    .map((line) => (line.trim() ? `*${line}*` : line))
    .join('\n');
}

/**
 * Splits text into parts of at most `max` characters, at a paragraph, line, sentence or word break
 * where there is one in the second half of a part; nothing is dropped.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const at = ['\n\n', '\n', '. ', ' ']
      .map((sep) => {
        const i = window.lastIndexOf(sep);
        return i >= max / 2 ? i + sep.length : -1;
      })
      .find((i) => i > 0);
    const cut = at ?? max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
