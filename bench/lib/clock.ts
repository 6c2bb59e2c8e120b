/** Bench servers run on a dev clock started at noon in New York today, so no text is held for quiet hours. */
const today = new Date();
export const NOON_IN_NEW_YORK = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 16, 0, 0));
