/**
 * The core's Markdown (summaries, digests) as chat Markdown, the way chat texts are written (Slack mrkdwn:
 * `*bold*`, one line per item; Teams converts it back). Headings and bold become `*bold*`, list items
 * bullets, a table one line per row with its cells side by side. A member's escaped words stay escaped:
 * Slack's sender reads them back as typed (chatTextToMrkdwn), Teams' Markdown honours the escapes.
 */
export function chatMarkdown(markdown: string): string {
  return markdown
    .split('\n')
    .flatMap((line) => {
      if (/^\|(\s*-+\s*\|)+$/.test(line)) return [];
      const row = /^\|(.*)\|$/.exec(line);
      const text = row
        ? (row[1] as string)
            .split(' | ')
            .map((c) => c.trim())
            .join(' · ')
        : line;
      return [
        text
          .replace(/^#{1,6} (.+)$/, '**$1**')
          .replace(/^- /, '• ')
          .replace(/\*\*(.+?)\*\*/g, '*$1*'),
      ];
    })
    .join('\n');
}
