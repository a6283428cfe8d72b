import { z } from 'zod';

/**
 * Building blocks of the form schemas. They read the data an Adaptive Card submit gives (and the Slack
 * translator rebuilds): input ids as keys, string values, inputs without a value left out. Messages are
 * i18n keys (`card.invalid.*`); `inputErrors` turns them into text.
 */

export type InvalidKey =
  | 'required'
  | 'value'
  | 'tooLong'
  | 'status'
  | 'progress'
  | 'explanation'
  | 'link'
  | 'board'
  | 'timeZone'
  | 'locale'
  | 'ambitions';

export const invalid = (key: InvalidKey) => `card.invalid.${key}`;

/** An optional text input: trimmed, '' when left empty. */
export const optionalText = (max: number) =>
  z
    .string({ error: invalid('value') })
    .max(max, invalid('tooLong'))
    .optional()
    .transform((value) => (value ?? '').trim());

/** A text input that must be filled in. */
export const requiredText = (max: number) =>
  z
    .string({ error: invalid('required') })
    .trim()
    .min(1, invalid('required'))
    .max(max, invalid('tooLong'));

/** An Input.Toggle with valueOn "true" and valueOff "false". */
export const toggle = z
  .enum(['true', 'false'], { error: invalid('value') })
  .optional()
  .transform((value) => value === 'true');

/** A multi-select Input.ChoiceSet: comma-separated values, at least one. */
export const multiSelect = (key: InvalidKey, value: z.ZodType<string, string> = z.string()) =>
  z
    .string({ error: invalid(key) })
    .transform((values) => values.split(',').filter(Boolean))
    .pipe(z.array(value).min(1, invalid(key)));

/** An optional link: empty, or an http(s) URL. */
export const optionalLink = z
  .string({ error: invalid('link') })
  .trim()
  .max(500, invalid('tooLong'))
  .optional()
  .transform((value) => value || null)
  .pipe(z.union([z.null(), z.url({ protocol: /^https?$/, error: invalid('link') })]));

/** A page number from action data (a number on Teams; JSON keeps it a number on Slack too). */
export const pageNumber = z.coerce
  .number({ error: invalid('value') })
  .int()
  .min(1);

/** The fields of one answer in the update form, each an input per item. */
export const UPDATE_FIELDS = ['status', 'progress', 'done', 'steering', 'explanation', 'link'] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];

/** The input id of a field of an item, e.g. status__a3_2 for a3.2 (dots become underscores; ids hold none). */
export function updateInputId(field: UpdateField, itemId: string): string {
  return `${field}__${itemId.replaceAll('.', '_')}`;
}
