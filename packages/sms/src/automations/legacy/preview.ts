import { PROFILE_PROPERTIES, tagKey } from '@rapport/contract';
import { renderTemplate } from '../../messages/render.js';
import { countSmsParts } from '../../messages/sms-parts.js';
import { parseTemplate, SUBSCRIBER_FIELDS, type TemplateProblem } from '../../messages/template.js';
import type { MessagePreview } from '../../schemas/automations.js';

/**
 * What the automation editor shows under the message field (pure): the text as a subscriber would get it,
 * with sample values; its SMS parts; and every problem that makes the editor refuse to save — a brace that
 * never closes or never opened, an empty `{}`, or a tag that is none of the trigger's tags, a subscriber
 * field or an Okendo profile property. Saving refuses the same problems (legacy/store.ts), so the editor
 * and the API agree; a merchant's own subscriber properties are not tags until Rapport keeps a definition
 * of them (today only the 22 Okendo properties are known before a value arrives).
 */

/** Sample values for the preview: a review link as long as a real one, so the part count is honest. */
const SAMPLES: Record<string, string> = {
  review_url: 'http://127.0.0.1:4200/r/Xy7Kq2mP9vB4nR8sT1wZ',
  first_name: 'Jane',
  last_name: 'Doe',
  name: 'Jane Doe',
  phone_number: '+12125550123',
  email: 'jane@example.com',
  email_address: 'jane@example.com',
  order_number: '#1001',
  image_url: 'http://127.0.0.1:4200/storefront/p/linen-shirt.jpg',
  variant_name: 'Blue / M',
};

const PROFILE_NAMES = new Set(PROFILE_PROPERTIES.flatMap((p) => [p.name, p.key]));
const SUBSCRIBER = new Set<string>(SUBSCRIBER_FIELDS);

function describe(problem: TemplateProblem): string {
  const at = `at character ${problem.at + 1}`;
  if (problem.kind === 'unclosed') return `"{" ${at} is never closed: write {tag}`;
  if (problem.kind === 'unopened') return `"}" ${at} has no "{" before it`;
  return `"{}" ${at} names no tag`;
}

export function previewMessage(body: string, trigger: { name: string; tags: readonly string[] }): MessagePreview {
  const parsed = parseTemplate(body);
  const triggerTags = new Set(trigger.tags.flatMap((t) => [t, tagKey(t)]));
  const errors: MessagePreview['errors'] = parsed.problems.map((p) => ({ tag: null, msg: describe(p) }));
  for (const part of parsed.parts) {
    if (part.kind !== 'tag') continue;
    const known =
      triggerTags.has(part.name) || triggerTags.has(tagKey(part.name)) || SUBSCRIBER.has(part.name) || PROFILE_NAMES.has(part.name);
    if (!known)
      errors.push({
        tag: part.name,
        msg: `{${part.name}} is not a tag of "${trigger.name}", a subscriber field or an Okendo profile property`,
      });
  }
  const tags = Object.fromEntries(trigger.tags.map((t) => [t, SAMPLES[t] ?? `[${t}]`]));
  const rendered = renderTemplate(body, {
    tags,
    subscriber: { first_name: 'Jane', last_name: 'Doe', phone_number: '+12125550123', email: 'jane@example.com', properties: {} },
  });
  const { parts, encoding, characters } = countSmsParts(rendered.body);
  return { rendered: rendered.body, segments: parts, encoding, characters, errors };
}
