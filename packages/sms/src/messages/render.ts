import { tagKey } from '@rapport/contract';
import { parseTemplate } from './template.js';

/**
 * Rendering a message template (pure; the syntax is template.ts's). A tag's value comes first from the
 * values the cause carries (a trigger fire's tag values, an event's properties by seed name), then from the
 * subscriber: `first_name`, `last_name`, `phone_number`, `email`, then custom properties by seed name
 * (`{Okendo Loyalty VIP Tier}`; the snake-case key `{okendo_loyalty_vip_tier}` is accepted too, the way
 * Postscript spells merge tags). A tag with no value and no fallback renders empty and yields a warning,
 * which the outbox row keeps so a merchant can see why a text reads oddly.
 */

export type TagValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface RenderSubscriber {
  first_name: string | null;
  last_name: string | null;
  phone_number: string;
  email: string | null;
  properties: Record<string, unknown>;
}

export interface RenderContext {
  tags: Record<string, TagValue>;
  subscriber?: RenderSubscriber;
}

export interface Rendered {
  body: string;
  warnings: string[];
}

function format(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(String).join(', ');
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function lookup(name: string, ctx: RenderContext): string | undefined {
  const key = tagKey(name);
  const fromTags = format(ctx.tags[name]) ?? format(ctx.tags[key]);
  if (fromTags !== undefined) return fromTags;
  // An event's properties are keyed by their seed names ("Product Name"); {product_name} names one too.
  for (const [tag, value] of Object.entries(ctx.tags)) {
    if (tagKey(tag) === key) return format(value);
  }
  const s = ctx.subscriber;
  if (!s) return undefined;
  switch (key) {
    case 'first_name':
      if (s.first_name) return s.first_name;
      break;
    case 'last_name':
      if (s.last_name) return s.last_name;
      break;
    case 'phone_number':
      return s.phone_number;
    case 'email':
      if (s.email) return s.email;
      break;
  }
  if (name in s.properties) return format(s.properties[name]);
  for (const [prop, value] of Object.entries(s.properties)) {
    if (tagKey(prop) === key) return format(value);
  }
  return undefined;
}

export function renderTemplate(template: string, ctx: RenderContext): Rendered {
  const warnings: string[] = [];
  let body = '';
  for (const part of parseTemplate(template).parts) {
    if (part.kind === 'text') {
      body += part.text;
      continue;
    }
    const value = lookup(part.name, ctx);
    if (value !== undefined) body += value;
    else if (part.fallback !== undefined) body += part.fallback;
    else warnings.push(`tag {${part.name}} has no value and no fallback; rendered empty`);
  }
  return { body, warnings };
}
