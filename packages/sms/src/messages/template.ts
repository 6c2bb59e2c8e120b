/**
 * The one parser of message templates (pure). A tag is `{name}` or `{name|fallback}`:
 *
 *   {review_url}            a partner trigger's tag, by the key it was registered with
 *   {Review Url}            an event or profile property, by its seed name (spaces and capitals as in the seed)
 *   {first_name}            a subscriber field, snake case: first_name, last_name, phone_number, email
 *   {first_name|there}      with a fallback after `|`, used when the tag has no value ("" allowed)
 *
 * Names are trimmed (`{ first_name }` is `{first_name}`). A `{` that never closes, or a `}` with no `{`, is
 * kept as text by the renderer and reported as a problem here, so an editor can refuse it.
 */

export const SUBSCRIBER_FIELDS = ['first_name', 'last_name', 'phone_number', 'email'] as const;

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'tag'; name: string; fallback: string | undefined; start: number; end: number };

export interface TemplateProblem {
  kind: 'unclosed' | 'unopened' | 'empty';
  /** Offset of the offending brace in the template. */
  at: number;
}

export interface ParsedTemplate {
  parts: TemplatePart[];
  problems: TemplateProblem[];
}

export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  let i = 0;
  const flushText = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  while (i < template.length) {
    const ch = template[i] as string;
    if (ch === '}') {
      problems.push({ kind: 'unopened', at: i });
      text += ch;
      i++;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const close = template.indexOf('}', i + 1);
    const reopen = template.indexOf('{', i + 1);
    if (close === -1 || (reopen !== -1 && reopen < close)) {
      problems.push({ kind: 'unclosed', at: i });
      text += ch;
      i++;
      continue;
    }
    const inner = template.slice(i + 1, close);
    const bar = inner.indexOf('|');
    const name = (bar === -1 ? inner : inner.slice(0, bar)).trim();
    if (name === '') {
      problems.push({ kind: 'empty', at: i });
      text += template.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    flushText();
    parts.push({ kind: 'tag', name, fallback: bar === -1 ? undefined : inner.slice(bar + 1), start: i, end: close + 1 });
    i = close + 1;
  }
  flushText();
  return { parts, problems };
}

/** The tag names a template uses, in order of appearance (repeats kept). */
export function templateTags(template: string): string[] {
  return parseTemplate(template).parts.flatMap((p) => (p.kind === 'tag' ? [p.name] : []));
}
