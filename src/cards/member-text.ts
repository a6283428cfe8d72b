/**
 * A member's own words in a card's Markdown: every character that would format or link is escaped, so
 * `[iedereen](!channel)` or `[mail](mailto:…)` show as typed on Slack and Teams, never as a link or a
 * mention. (Slack's translation reads the escapes back as literal characters.)
 */
export function memberText(text: string): string {
  return text.replace(/[\\`*_[\]()<>|#~!]/g, (c) => `\\${c}`);
}
