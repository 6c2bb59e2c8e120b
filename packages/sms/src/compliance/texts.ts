/**
 * The fixed compliance texts. The double opt-in prompt and its confirmation are Postscript's wording
 * (help.postscript.io "Double Opt-In"), which merchants cannot customise.
 */

export const doiPrompt = (shop: string): string =>
  `${shop}: Reply Y to subscribe to recurring automated promotional msgs (e.g. cart reminders). Msg & data rates may apply.`;

export const doiConfirmation = (shop: string): string =>
  `You've subscribed to ${shop}. Msg & data rates may apply. Msgs are recurring. Reply STOP to unsubscribe, HELP for help`;

export const optOutConfirmation = (shop: string): string =>
  `${shop}: You have been unsubscribed and will receive no more messages. Reply START to resubscribe.`;

export const helpReply = (shop: string): string =>
  `${shop}: Automated marketing msgs. For help, reply to this message or contact ${shop} customer support. Msg & data rates may apply. Reply STOP to unsubscribe.`;

export const OPT_OUT_NOTICE = 'Reply STOP to unsubscribe';

/** True when a body already tells the reader how to opt out. */
export function hasOptOutLanguage(body: string): boolean {
  return /\b(stop|unsubscribe|opt[\s-]?out)\b/i.test(body);
}

/** Appends the opt-out notice to a body that lacks opt-out language (first marketing message rule). */
export function withOptOutNotice(body: string): string {
  return hasOptOutLanguage(body) ? body : `${body}\n${OPT_OUT_NOTICE}`;
}
