/**
 * Review sentiment, computed locally with the AFINN-165 word list (`sentiment` package): Okendo's four
 * labels positive | negative | neutral | mixed. Title and body are read together.
 *
 * - positive / negative weight = sum of the AFINN scores (−5…+5) of the positive / negative words.
 * - mixed: both sides are substantial — each weighs at least MIXED_MIN (one strongly-worded word, e.g.
 *   "love" +3 and "terrible" −3) and the weaker side is at least MIXED_RATIO of the stronger. "Beautiful
 *   fabric, fantastic fit, but the stitching is awful" (+8 / −3) is mixed; a glowing review with one "bad"
 *   (+12 / −3) is positive.
 * - otherwise the net score decides: ≥ +2 positive ("I like it"), ≤ −2 negative, in between neutral (a
 *   lone weak word such as "broke" (−1), or none: "It arrived on Tuesday", "It is okay").
 * Negation is the package's: "not bad" counts as +3.
 */
import Sentiment from 'sentiment';
import type { Sentiment as Label } from '../db/schema.js';

export const MIXED_MIN = 3;
export const MIXED_RATIO = 0.3;
export const POLAR_MIN = 2;

const analyzer = new Sentiment();

export interface SentimentScore {
  positive: number;
  negative: number;
}

export function scoreSentiment(text: string): SentimentScore {
  const result = analyzer.analyze(text);
  let positive = 0;
  let negative = 0;
  for (const entry of result.calculation) {
    for (const value of Object.values(entry)) {
      if (value > 0) positive += value;
      else negative -= value;
    }
  }
  return { positive, negative };
}

export function labelSentiment({ positive, negative }: SentimentScore): Label {
  const strong = Math.max(positive, negative);
  const weak = Math.min(positive, negative);
  if (weak >= MIXED_MIN && weak >= strong * MIXED_RATIO) return 'mixed';
  const net = positive - negative;
  if (net >= POLAR_MIN) return 'positive';
  if (net <= -POLAR_MIN) return 'negative';
  return 'neutral';
}

export function classifySentiment(text: string): Label {
  return labelSentiment(scoreSentiment(text));
}

/**
 * A customer's average sentiment (undocumented by Okendo): positive = +1, negative = −1, neutral and
 * mixed = 0, averaged, then ≥ 1/3 positive, ≤ −1/3 negative, else neutral — unless every review is mixed,
 * which stays mixed.
 */
export function averageSentiment(labels: Label[]): Label {
  if (labels.length === 0) return 'neutral';
  if (labels.every((l) => l === 'mixed')) return 'mixed';
  const value = { positive: 1, negative: -1, neutral: 0, mixed: 0 } as const;
  const mean = labels.reduce((sum, l) => sum + value[l], 0) / labels.length;
  if (mean >= 1 / 3) return 'positive';
  if (mean <= -1 / 3) return 'negative';
  return 'neutral';
}
