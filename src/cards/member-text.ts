/**
 * A member's own words in a card's Markdown: every character that would format or link is escaped, so
 * `[iedereen](!channel)` or `[mail](mailto:…)` show as typed on Slack and Teams, never as a link or a
 * mention. (Slack's translation reads the escapes back as literal characters.) Names are words of
 * members too: a board, a member or a cycle named `[x](https://…)` is shown as typed.
 */
export function memberText(text: string): string {
  return text.replace(/[\\`*_[\]()<>|#~!]/g, (c) => `\\${c}`);
}

/** Parameters of a text with every string escaped as a member's words (numbers stay as they are). */
export function memberParams<P extends Record<string, string | number>>(params: P): P {
  const escaped: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params))
    escaped[key] = typeof value === 'string' ? memberText(value) : value;
  return escaped as P;
}
