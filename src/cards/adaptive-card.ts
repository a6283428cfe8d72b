/**
 * The subset of Adaptive Card 1.5 JSON the templates use. Bound cards come from JSON, so these types
 * describe what the templates promise; the Slack translator refuses any other element type.
 */
export interface AcNode {
  type: string;
  [property: string]: unknown;
}

export interface AcCard extends AcNode {
  type: 'AdaptiveCard';
  version: string;
  body: AcNode[];
  actions?: AcNode[];
}

export interface AcTextBlock extends AcNode {
  type: 'TextBlock';
  text: string;
  style?: 'default' | 'heading';
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  isSubtle?: boolean;
}

export interface AcFact {
  title: string;
  value: string;
}

export interface AcFactSet extends AcNode {
  type: 'FactSet';
  facts: AcFact[];
}

export interface AcContainer extends AcNode {
  type: 'Container';
  items: AcNode[];
}

export interface AcColumnSet extends AcNode {
  type: 'ColumnSet';
  columns: { type?: 'Column'; items?: AcNode[] }[];
}

export interface AcActionSet extends AcNode {
  type: 'ActionSet';
  actions: AcNode[];
}

export interface AcChoice {
  title: string;
  value: string;
}

export interface AcInput extends AcNode {
  type: 'Input.Text' | 'Input.Number' | 'Input.ChoiceSet' | 'Input.Toggle' | 'Input.Date';
  id: string;
  label?: string;
  isRequired?: boolean;
  placeholder?: string;
  value?: string | number;
  // Input.Text
  isMultiline?: boolean;
  maxLength?: number;
  style?: string;
  // Input.Number
  min?: number;
  max?: number;
  // Input.ChoiceSet
  choices?: AcChoice[];
  isMultiSelect?: boolean;
  'choices.data'?: { type: 'Data.Query'; dataset: string };
  // Input.Toggle
  title?: string;
  valueOn?: string;
  valueOff?: string;
}

export interface AcSubmitAction extends AcNode {
  type: 'Action.Execute' | 'Action.Submit';
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
  style?: 'default' | 'positive' | 'destructive';
}

export interface AcOpenUrlAction extends AcNode {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

const INPUT_TYPES: readonly string[] = [
  'Input.Text',
  'Input.Number',
  'Input.ChoiceSet',
  'Input.Toggle',
  'Input.Date',
];

export function isInput(node: AcNode): node is AcInput {
  return INPUT_TYPES.includes(node.type);
}

export function isSubmitAction(node: AcNode): node is AcSubmitAction {
  return node.type === 'Action.Execute' || node.type === 'Action.Submit';
}

/** The elements a body element holds, in reading order (containers and columns flattened). */
export function childrenOf(node: AcNode): AcNode[] {
  if (node.type === 'Container') return (node as AcContainer).items ?? [];
  if (node.type === 'ColumnSet') return (node as AcColumnSet).columns.flatMap((c) => c.items ?? []);
  return [];
}

/** Every input of the card, in reading order. */
export function inputsOf(card: AcCard): AcInput[] {
  const found: AcInput[] = [];
  const visit = (node: AcNode) => {
    if (isInput(node)) found.push(node);
    for (const child of childrenOf(node)) visit(child);
  };
  for (const node of card.body) visit(node);
  return found;
}

/** The verb of an action: Action.Execute's own, or the `verb` in an Action.Submit's data. */
export function verbOf(action: AcSubmitAction): string | undefined {
  const fromData = action.data?.verb;
  return action.verb ?? (typeof fromData === 'string' ? fromData : undefined);
}
