/** Shops and their security key pairs. */

export interface ShopsTable {
  id: string;
  name: string;
  /** Fallback time zone for quiet hours when a subscriber's cannot be told from their number. */
  timezone: string;
  /** ISO 4217, for money in the dashboard (order values, referral revenue). */
  currency: string;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: string;
  shop_id: string;
  label: string | null;
  public_key: string;
  /** SHA-256 (hex) of the private key: what authentication looks up. */
  private_key_hash: string;
  /** AES-256-GCM copy of the private key, so "Show" can reveal it. */
  private_key_ciphertext: string;
  /** Which encryption key sealed the copy (`settings:v1` or `config:<fingerprint>`). */
  encryption_key_id: string;
  revoked: number;
  created_at: string;
  revoked_at: string | null;
}
