import { SegmentedMessage } from 'sms-segments-calculator';

/**
 * How many SMS parts ("segments" in carrier terms) a body takes (pure): GSM-7 160/153 per part, UCS-2
 * 70/67 once any character is outside GSM-7. Counted with Twilio's own calculator so what we store matches
 * what Twilio bills. In code, "segment" alone means an audience segment; parts of a text are `parts`.
 */
export interface SmsParts {
  parts: number;
  encoding: 'GSM-7' | 'UCS-2';
  characters: number;
}

export function countSmsParts(body: string): SmsParts {
  const m = new SegmentedMessage(body);
  return {
    parts: m.segmentsCount,
    encoding: m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7',
    characters: m.numberOfCharacters,
  };
}
