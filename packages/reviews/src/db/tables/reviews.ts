/** Reviews. */

export type Sentiment = 'positive' | 'negative' | 'neutral' | 'mixed';

export interface ReviewsTable {
  id: string;
  store_id: string;
  customer_id: string;
  review_request_id: string | null;
  order_id: string | null;
  shopify_product_id: string;
  shopify_variant_id: string | null;
  product_title: string;
  variant_title: string | null;
  sku: string | null;
  rating: number;
  title: string | null;
  body: string;
  is_recommended: number;
  sentiment: Sentiment;
  reviewer_display_name: string;
  reviewer_full_name: string | null;
  country_code: string | null;
  zone_code: string | null;
  language_code: string;
  source: string;
  verified: number;
  photo_count: number;
  video_count: number;
  created_at: string;
}
