import type { AutomationView, CreateAutomationBody } from '@rapport/sms/schemas';

/** One message of the editor: what it says and how long it waits (after the fire, or after the previous one). */
export interface EditorStep {
  /** Stable across edits and removals, for React's list. */
  key: number;
  body: string;
  delayMinutes: number;
}

let nextKey = 0;
export const newStep = (body = '', delayMinutes = 0): EditorStep => ({ key: nextKey++, body, delayMinutes });

export const stepsOf = (automation: AutomationView): EditorStep[] => automation.messages.map((m) => newStep(m.body, m.delay_minutes));

export const messagesOf = (steps: readonly EditorStep[]): CreateAutomationBody['messages'] =>
  steps.map((s) => ({ body: s.body, delay_minutes: s.delayMinutes }));
