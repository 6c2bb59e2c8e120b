/**
 * Classifies an inbound text (pure). Exact keywords follow the CTIA/Twilio sets; fuzzy opt-out phrases follow
 * Postscript's "fuzzy opt-outs" ("stop texting", "remove me", "wrong number"…). A false opt-out costs a
 * subscriber; a missed one breaks the law — so phrases err towards opting out, but only phrases a person
 * would write to mean it (a bare "no" or "end of story" is not an opt-out).
 */

export type InboundKind = 'opt_out' | 'opt_in' | 'help' | 'other';

export interface Classification {
  kind: InboundKind;
  /** The keyword or phrase that decided it (absent for `other`). */
  matched?: string;
}

const OPT_OUT = new Set(['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT']);
const OPT_IN = new Set(['START', 'UNSTOP', 'YES', 'Y']);
const HELP = new Set(['HELP', 'INFO']);

const FUZZY_OPT_OUT = [
  'stop texting',
  'stop texts',
  'stop sending',
  'stop messaging',
  'stop messages',
  'stop contacting',
  'remove me',
  'take me off',
  'wrong number',
  'do not text',
  'dont text',
  'do not message',
  'dont message',
  'do not contact',
  'dont contact',
  'no more texts',
  'no more messages',
  'no more',
  'unsubscribe me',
  'opt me out',
  'leave me alone',
];

/** Upper-case words only: punctuation, emoji and extra spaces gone; apostrophes dropped ("don't" → "DONT"). */
export function normalizeInbound(body: string): string {
  return body
    .normalize('NFKC')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toUpperCase();
}

export function classifyInbound(body: string): Classification {
  const norm = normalizeInbound(body);
  if (norm === '') return { kind: 'other' };
  if (OPT_OUT.has(norm)) return { kind: 'opt_out', matched: norm };
  if (OPT_IN.has(norm)) return { kind: 'opt_in', matched: norm };
  if (HELP.has(norm)) return { kind: 'help', matched: norm };
  const words = norm.split(' ');
  // "STOP PLEASE", "Stop it now!!": a leading STOP/UNSUBSCRIBE in a short reply is meant as one.
  if ((words[0] === 'STOP' || words[0] === 'UNSUBSCRIBE') && words.length <= 4) return { kind: 'opt_out', matched: words[0] };
  const padded = ` ${norm.toLowerCase()} `;
  const phrase = FUZZY_OPT_OUT.find((p) => padded.includes(` ${p} `));
  if (phrase) return { kind: 'opt_out', matched: phrase };
  return { kind: 'other' };
}
