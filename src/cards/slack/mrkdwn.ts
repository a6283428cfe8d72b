/** Adaptive Card Markdown (CommonMark subset) to Slack mrkdwn and plain text. */

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
/** Markdown's backslash escapes (a member's words, see member-text.ts). */
const ESCAPED = /\\([\\`*_[\]()<>|#~!])/g;
/** Private-use stand-ins for escaped characters while the formatting is translated. */
const HIDE = 0xe000;

const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const hideEscapes = (text: string) =>
  text.replace(ESCAPED, (_all, c: string) => String.fromCharCode(HIDE + c.charCodeAt(0)));
const showEscapes = (text: string, literal: (c: string) => string) =>
  text.replace(/[\ue000-\ue07f]/g, (c) => literal(String.fromCharCode(c.charCodeAt(0) - HIDE)));

/**
 * `**b**` → `*b*`, `[t](https://…)` → `<https://…|t>`, `- item` → `• item`; &, < and > escaped as Slack
 * asks. Only http(s) addresses become links; any other `[t](u)` stays text (no `<!channel>`, no `mailto:`).
 */
export function toMrkdwn(markdown: string): string {
  const text = escapeSlack(hideEscapes(markdown))
    .replace(LINK, (_all, label: string, url: string) =>
      /^https?:\/\//i.test(url) && !/[|]/.test(label + url) ? `<${url}|${label}>` : `${label} (${url})`,
    )
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/^- /gm, '• ');
  return showEscapes(text, escapeSlack);
}

/**
 * Chat text (Slack mrkdwn already, see chat-markdown.ts) as Slack shows it: a member's escaped words
 * (member-text.ts) read back as the characters they typed, with &, < and > as Slack asks.
 */
export function chatTextToMrkdwn(text: string): string {
  return showEscapes(hideEscapes(text), escapeSlack);
}

/** The text without Markdown, for plain_text fields: links keep their address. */
export function toPlain(markdown: string): string {
  const text = hideEscapes(markdown)
    .replace(LINK, '$1 ($2)')
    .replace(/\*\*(.+?)\*\*/g, '$1');
  return showEscapes(text, (c) => c);
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
