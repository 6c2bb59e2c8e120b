/** Short links in marketing texts, and their clicks. */

export interface ShortLinksTable {
  /** The path part of `/l/{code}`: random, one per link of one text. */
  code: string;
  shop_id: string;
  outbox_id: string;
  subscriber_id: string | null;
  /** Where the link leads. */
  url: string;
  clicks: number;
  first_clicked_at: string | null;
  last_clicked_at: string | null;
  created_at: string;
}

export interface LinkClicksTable {
  id: string;
  code: string;
  shop_id: string;
  /** The `Clicked Link` event the click became (null when the text had no subscriber). */
  event_id: string | null;
  at: string;
}
