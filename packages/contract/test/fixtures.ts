/** Well-formed property payloads shared by the validator, JSON Schema and wire-shape tests. */

export const REVIEW_REQUEST_CREATED_PAYLOAD = {
  'Email Address': 'ada@example.com',
  'First Name': 'Ada',
  'Last Name': 'Lovelace',
  Name: 'Analytical Engine Tote',
  'Image Url': 'https://cdn.example.com/products/tote.jpg',
  'Order Fulfilled Date': '2024-05-01T09:30:00Z',
  'Order Number': '#1001',
  'Review Request Id': 'rr_8f2c',
  'Review Url': 'https://shop.example.com/reviews/new?request=rr_8f2c',
  'Variant Name': 'Navy',
};

export const REVIEW_CREATED_PAYLOAD = {
  Rating: 5,
  'Review Body': 'Holds all my punch cards.',
  'Product Name': 'Analytical Engine Tote',
  ProductID: 'shopify-8123',
  'Review Created Date': '2024-05-09',
  'Overall Sentiment': 'positive',
  'Photo Count': 1,
  'Video Count': 0,
  'Reviewer Display Name': 'Ada L.',
  'Okendo Number of Reviews': 3,
  'Okendo Average Review Rating': 4.67,
  'Okendo Latest Review Rating': 5,
  'Okendo Has Submitted Media': true,
  'Is Recommended': true,
};

export const SURVEY_PAYLOAD = {
  'Survey Name': 'Post-purchase',
  'Email Address': 'ada@example.com',
  'First Name': 'Ada',
  'Last Name': 'Lovelace',
};

export const NUDGE_PAYLOAD = {
  'Current Tier': 'Silver',
  'Next Tier': 'Gold',
  'Spend To Upgrade Tier': 40,
};
