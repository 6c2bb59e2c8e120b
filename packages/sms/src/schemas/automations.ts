import Type, { type Static } from 'typebox';
import { TriggerView } from './triggers.js';

/**
 * Legacy automations (our extension: Postscript has no public automation API). Request bodies are here too,
 * so the dashboard builds exactly what the API accepts.
 */
export const MAX_STEPS = 10;
export const MAX_BODY = 1600;
export const MAX_DELAY_MINUTES = 90 * 24 * 60;

export const AutomationStep = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: MAX_BODY, description: 'Text with {tag} placeholders; {tag|fallback} for a default' }),
    delay_minutes: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_DELAY_MINUTES,
        description: 'Wait after the previous step (the first step: after the fire); default 0',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CreateAutomationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    trigger: Type.String({
      minLength: 1,
      maxLength: 255,
      description:
        'What starts it, by name (GET /api/automation-triggers): a partner trigger such as "Okendo Review Request", or an event type such as "Okendo Review Created" (a partner trigger wins when both have the name)',
    }),
    messages: Type.Array(AutomationStep, { minItems: 1, maxItems: MAX_STEPS }),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CreateAutomationBody = Static<typeof CreateAutomationBody>;

export const UpdateAutomationBody = Type.Partial(CreateAutomationBody, { additionalProperties: false });
export type UpdateAutomationBody = Static<typeof UpdateAutomationBody>;

export const AutomationMessageView = Type.Object({
  body: Type.String(),
  delay_minutes: Type.Integer(),
  segments: Type.Integer({ description: 'SMS parts the body takes (GSM-7 153/160, UCS-2 67/70 characters a part)' }),
  encoding: Type.String(),
  warnings: Type.Array(Type.String()),
});

export const AutomationView = Type.Object({
  id: Type.String(),
  kind: Type.Literal('legacy'),
  name: Type.String(),
  trigger: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('partner'), Type.Literal('event')], {
      description:
        'partner: fired by a partner (POST /v1/triggers/{id}/subscribers/{id}); event: every custom event of that type for a subscriber',
    }),
  }),
  messages: Type.Array(AutomationMessageView),
  enabled: Type.Boolean(),
  texts_sent: Type.Integer({ description: 'Texts this automation has handed to the carrier' }),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type AutomationView = Static<typeof AutomationView>;

export const PreviewMessageBody = Type.Object(
  {
    trigger: Type.String({ minLength: 1, maxLength: 255, description: 'The automation’s trigger, whose tags the message may use' }),
    body: Type.String({ maxLength: MAX_BODY }),
  },
  { additionalProperties: false },
);

/** The editor's live preview: sample rendering, SMS parts, and what makes the editor refuse to save. */
export const MessagePreview = Type.Object({
  rendered: Type.String({ description: 'The text with sample values for every tag' }),
  segments: Type.Integer({ description: 'SMS parts of the rendered text' }),
  encoding: Type.String({ description: 'GSM-7 or UCS-2 (any character outside GSM-7 makes the whole text UCS-2)' }),
  characters: Type.Integer(),
  errors: Type.Array(Type.Object({ tag: Type.Union([Type.String(), Type.Null()]), msg: Type.String() })),
});
export type MessagePreview = Static<typeof MessagePreview>;

/** One entry of the Automation Trigger list. */
export const AutomationTriggerOption = Type.Object({
  name: Type.String({ description: 'What `trigger` of an automation names' }),
  kind: Type.Union([Type.Literal('partner'), Type.Literal('event')]),
  source: Type.Optional(
    Type.Union([Type.Literal('catalog'), Type.Literal('platform'), Type.Literal('custom')], {
      description:
        'For an event type: catalog = one of the Okendo contract’s 19 types; platform = the SMS platform’s own (Clicked Link); custom = another type the shop has sent',
    }),
  ),
  tags: Type.Array(Type.String(), {
    description: 'Tags a message may use besides the subscriber’s: a partner trigger’s merge tags, or an event type’s property names',
  }),
  declared_wait: TriggerView.properties.declared_wait,
});
export type AutomationTriggerOption = Static<typeof AutomationTriggerOption>;

export const AutomationTriggerList = Type.Object({ triggers: Type.Array(AutomationTriggerOption) });
export type AutomationTriggerList = Static<typeof AutomationTriggerList>;
