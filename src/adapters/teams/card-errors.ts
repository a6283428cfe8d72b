/**
 * A form sent back after a submit that did not pass: each input keeps what the person typed, and the
 * message for an input stands right under it (the card templates know nothing of server-side errors).
 */

type Node = Record<string, unknown>;

const INPUT = /^Input\./;

function withValue(input: Node, submitted: unknown): Node {
  if (submitted === undefined || submitted === null) return input;
  const value = typeof submitted === 'string' ? submitted : JSON.stringify(submitted);
  return { ...input, value };
}

function errorBlock(text: string): Node {
  return { type: 'TextBlock', text, color: 'Attention', size: 'Small', wrap: true, spacing: 'None' };
}

function visit(nodes: unknown, submitted: Record<string, unknown>, errors: Record<string, string>): unknown {
  if (!Array.isArray(nodes)) return nodes;
  const out: unknown[] = [];
  for (const raw of nodes) {
    if (!raw || typeof raw !== 'object') {
      out.push(raw);
      continue;
    }
    let node = { ...(raw as Node) };
    if (Array.isArray(node.items)) node.items = visit(node.items, submitted, errors);
    if (Array.isArray(node.columns))
      node.columns = (node.columns as Node[]).map((c) => ({
        ...c,
        items: visit(c.items, submitted, errors),
      }));
    const id = typeof node.id === 'string' ? node.id : null;
    if (id && typeof node.type === 'string' && INPUT.test(node.type)) {
      node = withValue(node, submitted[id]);
      out.push(node);
      if (errors[id]) out.push(errorBlock(errors[id]));
      continue;
    }
    out.push(node);
  }
  return out;
}

export function showInputErrors(
  card: object,
  submitted: Record<string, unknown>,
  errors: Record<string, string>,
  banner: string,
): Record<string, unknown> {
  const c = card as Node;
  const inputIds = new Set<string>();
  const collect = (nodes: unknown) => {
    if (!Array.isArray(nodes)) return;
    for (const n of nodes as Node[]) {
      if (typeof n?.id === 'string' && typeof n.type === 'string' && INPUT.test(n.type)) inputIds.add(n.id);
      collect(n?.items);
      if (Array.isArray(n?.columns)) for (const col of n.columns as Node[]) collect(col.items);
    }
  };
  collect(c.body);
  // Errors of the action's own data (not of an input) join the banner: the person cannot fix them, but sees them.
  const other = Object.entries(errors)
    .filter(([id]) => !inputIds.has(id))
    .map(([, message]) => message);
  const top = [banner, ...new Set(other)].join(' ');
  return { ...c, body: [errorBlock(top), ...(visit(c.body, submitted, errors) as unknown[])] };
}
