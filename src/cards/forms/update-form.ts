import { z } from 'zod';
import { UPDATE_STATUSES, type UpdateAnswer, type UpdateStatus } from '../../core/model';
import {
  invalid,
  optionalLink,
  optionalText,
  pageNumber,
  toggle,
  UPDATE_FIELDS,
  type UpdateField,
  updateInputId,
} from './fields';

const ITEM_ID = /^(a|l)\d+(\.g?\d+)?$/;

/** Number inputs give a string (Teams renders `value.toString()`, Slack's number_input a string). */
const progress = z.preprocess(
  (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value),
  z
    .number({ error: (issue) => (issue.input === undefined ? invalid('required') : invalid('progress')) })
    .int(invalid('progress'))
    .min(0, invalid('progress'))
    .max(100, invalid('progress')),
);

const fieldSchemas: Record<UpdateField, z.ZodType> = {
  status: z.enum(UPDATE_STATUSES, { error: invalid('status') }),
  progress,
  done: optionalText(2000),
  steering: toggle,
  explanation: optionalText(1000),
  link: optionalLink,
};

export interface UpdateSubmission {
  verb: 'update.submit' | 'update.page';
  cycleId: string;
  /** The page these answers are on. */
  page: number;
  /** The page to show next, when the member pressed previous or next page. */
  goTo: number | null;
  answers: UpdateAnswer[];
}

/** The submit data of an update form page showing these items: one input per field per item, and the action data. */
export function updateFields(itemIds: readonly string[]) {
  const shape: Record<string, z.ZodType> = {
    verb: z.enum(['update.submit', 'update.page']),
    cycleId: z.string().min(1),
    page: pageNumber,
    items: z.array(z.string().regex(ITEM_ID)).min(1),
    goTo: pageNumber.optional(),
  };
  for (const itemId of itemIds)
    for (const field of UPDATE_FIELDS) shape[updateInputId(field, itemId)] = fieldSchemas[field];
  return z.object(shape);
}

/** The submission of an update form page; explanation is required when steering is needed. */
export function updateSubmission(itemIds: readonly string[]) {
  return updateFields(itemIds)
    .superRefine(
      (values, ctx) => {
        for (const itemId of itemIds) {
          // Runs even when other fields failed, so every error shows at once: values may still be raw strings.
          const steering = values[updateInputId('steering', itemId)];
          const explanation = values[updateInputId('explanation', itemId)];
          const explained = typeof explanation === 'string' && explanation.trim() !== '';
          if ((steering === true || steering === 'true') && !explained)
            ctx.addIssue({
              code: 'custom',
              path: [updateInputId('explanation', itemId)],
              message: invalid('explanation'),
            });
        }
      },
      { when: () => true },
    )
    .transform((values): UpdateSubmission => {
      // The field schemas above have checked every value; the casts only name their types.
      const value = (field: UpdateField, itemId: string) => values[updateInputId(field, itemId)];
      return {
        verb: values.verb as UpdateSubmission['verb'],
        cycleId: values.cycleId as string,
        page: values.page as number,
        goTo: (values.goTo as number | undefined) ?? null,
        answers: itemIds.map((itemId) => {
          const steeringNeeded = value('steering', itemId) as boolean;
          return {
            itemId,
            status: value('status', itemId) as UpdateStatus,
            progress: value('progress', itemId) as number,
            done: value('done', itemId) as string,
            steeringNeeded,
            steeringExplanation: steeringNeeded ? (value('explanation', itemId) as string) : '',
            link: value('link', itemId) as string | null,
          };
        }),
      };
    });
}

/** The item ids a submission says it holds (the action data's `items`); [] when it says none. */
const itemIds = z.object({ items: z.array(z.string().regex(ITEM_ID)) });

export function submittedItemIds(raw: unknown): string[] {
  const parsed = itemIds.safeParse(raw);
  return parsed.success ? parsed.data.items : [];
}
