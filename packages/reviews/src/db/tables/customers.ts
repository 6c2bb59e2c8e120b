/** Customers and the products their orders mention. */

export interface CustomersTable {
  id: string;
  store_id: string;
  shopify_customer_id: string | null;
  email: string | null;
  /** E.164 when it could be normalised, else null. */
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  country_code: string | null;
  zone_code: string | null;
  /** Postscript subscriber id once resolved; cleared when Postscript no longer knows it. */
  postscript_subscriber_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  store_id: string;
  shopify_product_id: string;
  title: string;
  image_url: string | null;
  url: string | null;
  created_at: string;
  updated_at: string;
}
