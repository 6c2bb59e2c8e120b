import { tagKey } from '@rapport/contract';

/**
 * Message templates (pure): `{tag}` placeholders, with an optional fallback after a bar — `{first_name|there}`.
 * Values come first from the trigger fire's tag values, then from the subscriber: `first_name`, `last_name`,
 * `phone_number`, `email`, then custom properties by their tag key ("Okendo Loyalty VIP Tier" →
 * `{okendo_loyalty_vip_tier}`). A tag with no value and no fallback renders empty and yields a warning, which
 * the outbox row keeps so a merchant can see why a text reads oddly.
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

const PLACEHOLDER = /\{([^{}|]+)(?:\|([^{}]*))?\}/g;

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
  const body = template.replace(PLACEHOLDER, (_match, rawName: string, fallback: string | undefined) => {
    const name = rawName.trim();
    const value = lookup(name, ctx);
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    warnings.push(`tag {${name}} has no value and no fallback; rendered empty`);
    return '';
  });
  return { body, warnings };
}

/** The tag names a template uses (for validating against a trigger's declared tags). */
export function templateTags(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? '').trim());
}
