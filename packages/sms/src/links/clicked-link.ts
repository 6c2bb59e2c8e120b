/**
 * The event a click on a short link becomes: the SMS platform's own event type, offered in the Automation
 * Trigger list beside the Okendo ones, so flows, wait-for-event steps and (later) segments can use it.
 */
export const CLICKED_LINK = 'Clicked Link';
export const CLICKED_LINK_PROPERTIES = ['URL', 'Message Id', 'Short Link'] as const;
