/** Control characters (Unicode Cc: NUL, ESC, DEL …) other than tab, line feed and carriage return: never stored. */
const CONTROL = /[^\P{Cc}\t\n\r]/gu;

export const stripControl = (text: string) => text.replace(CONTROL, '');

/**
 * Removes control characters (NUL and the like) from every string in a parsed payload, in place, before
 * any handler reads it: PostgreSQL refuses NUL in text, and none of them belong in a name or a message.
 */
export function stripControlDeep<T>(value: T, depth = 0): T {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (typeof v === 'string') node[key] = stripControl(v);
    else if (v && typeof v === 'object') stripControlDeep(v, depth + 1);
  }
  return value;
}
