import { memberText } from '../../cards/member-text';
import type { Coverage } from '../../core/coverage';
import { type Locale, t } from '../../i18n/index';

/** Names shown by name at most; the rest as a count. */
const MAX_NAMED = 20;

/**
 * Who a cycle cannot reach yet and why, as chat lines (also the App Home's and the CLI's). Names are
 * escaped for chat; a terminal passes `name => name`.
 */
export function coverageText(
  coverage: Coverage,
  locale: Locale,
  asName: (name: string) => string = memberText,
): string {
  const lines: string[] = [];
  if (coverage.emptyBoards.length)
    lines.push(
      t(locale, 'chat.coverage.emptyBoards', { boards: coverage.emptyBoards.map(asName).join(', ') }),
    );
  if (coverage.audience === 0) lines.push(t(locale, 'chat.coverage.nobody'));
  else if (coverage.gaps.length === 0)
    lines.push(t(locale, 'chat.coverage.all', { count: coverage.audience }));
  else {
    lines.push(
      t(locale, 'chat.coverage.some', {
        reachable: coverage.reachable,
        audience: coverage.audience,
        count: coverage.gaps.length,
      }),
    );
    for (const { member, reason } of coverage.gaps.slice(0, MAX_NAMED))
      lines.push(
        t(locale, 'chat.coverage.person', {
          name: asName(member.name || member.externalId),
          reason: t(locale, `chat.coverage.reason.${reason}`),
        }),
      );
    if (coverage.gaps.length > MAX_NAMED)
      lines.push(t(locale, 'chat.coverage.more', { count: coverage.gaps.length - MAX_NAMED }));
  }
  return lines.join('\n');
}
