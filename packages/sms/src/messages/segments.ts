import { SegmentedMessage } from 'sms-segments-calculator';

/**
 * How many SMS segments a body takes (pure): GSM-7 160/153 per segment, UCS-2 70/67 once any character is
 * outside GSM-7. Counted with Twilio's own calculator so what we store matches what Twilio bills.
 */
export interface SegmentCount {
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  characters: number;
}

export function countSegments(body: string): SegmentCount {
  const m = new SegmentedMessage(body);
  return {
    segments: m.segmentsCount,
    encoding: m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7',
    characters: m.numberOfCharacters,
  };
}
