import type { z } from 'zod';
import { type Locale, t } from '../../i18n/index';

/**
 * The first error per input id, in the member's language: for Slack's `response_action: "errors"` (block
 * ids are input ids) and for showing them on the Teams card. Errors outside the inputs (the action's
 * data) are keyed by their field name.
 */
export function inputErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const inputId = String(issue.path[0] ?? '');
    if (inputId in errors) continue;
    errors[inputId] = t(
      locale,
      issue.message.startsWith('card.invalid.') ? issue.message : 'card.invalid.value',
    );
  }
  return errors;
}
