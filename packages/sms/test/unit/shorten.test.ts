import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shortenUrls } from '../../src/links/shorten.js';

const BASE = 'https://sms.example';
const codes = () => {
  let n = 0;
  return () => `c${++n}`;
};

describe('short links in marketing texts', () => {
  const stories: { story: string; body: string; sent: string; urls: string[] }[] = [
    {
      story: 'a review link becomes a short link',
      body: 'Review Linen Shirt: https://reviews.example/r/tok_123?x=1',
      sent: 'Review Linen Shirt: https://sms.example/l/c1',
      urls: ['https://reviews.example/r/tok_123?x=1'],
    },
    {
      story: 'a full stop after the link stays outside it',
      body: 'See https://shop.example/sale.',
      sent: 'See https://sms.example/l/c1.',
      urls: ['https://shop.example/sale'],
    },
    {
      story: 'two links, each its own code',
      body: 'A http://a.example/1 and B https://b.example/2!',
      sent: 'A https://sms.example/l/c1 and B https://sms.example/l/c2!',
      urls: ['http://a.example/1', 'https://b.example/2'],
    },
    {
      story: 'words that look like domains are not links',
      body: 'Size S.M fits; email me at a@b.co',
      sent: 'Size S.M fits; email me at a@b.co',
      urls: [],
    },
    { story: 'a link of ours is left alone', body: 'Again: https://sms.example/l/abc', sent: 'Again: https://sms.example/l/abc', urls: [] },
    { story: 'no link, nothing changes', body: 'Thanks {first_name}!', sent: 'Thanks {first_name}!', urls: [] },
  ];
  for (const s of stories) {
    test(s.story, () => {
      const r = shortenUrls(s.body, `${BASE}/`, codes());
      assert.equal(r.body, s.sent);
      assert.deepEqual(
        r.links.map((l) => l.url),
        s.urls,
      );
    });
  }
});
