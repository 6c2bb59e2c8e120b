import { accountLinkUrl, accountsDb, issueResetToken, type RapportConfig } from '@rapport/kit';
import { createUserAccount as createSmsUser } from '@rapport/sms';
import { createUserAccount as createReviewsUser } from '@rapport/reviews';
import { emit } from '../output.js';
import { clockFor, storageOf, withReviews, withSms } from '../runtime.js';

// `rapport sms|reviews create-user` and `reset-password`: each product has its own accounts.

export type Product = 'sms' | 'reviews';

/** Where each product's dashboard is reached, for the links printed here. */
export const dashboardOrigin = (config: RapportConfig, product: Product): string =>
  product === 'sms' ? config.smsApiUrl : config.reviewsPublicUrl;

export async function createUserCommand(
  config: RapportConfig,
  product: Product,
  o: { email: string; password: string; shop?: string; store?: string; json?: boolean },
): Promise<void> {
  const { clock } = clockFor(config);
  const storage = storageOf(config);
  const r =
    product === 'sms'
      ? await withSms(storage, (db) => createSmsUser(db, clock, { email: o.email, password: o.password, shopId: o.shop }))
      : await withReviews(storage, (db) => createReviewsUser(db, clock, { email: o.email, password: o.password, storeId: o.store }));
  emit(
    o.json === true,
    r,
    `Created user ${r.user_id} (${o.email.trim().toLowerCase()}): log in at ${dashboardOrigin(config, product)}/login`,
  );
}

export async function resetPasswordCommand(config: RapportConfig, product: Product, o: { email: string; json?: boolean }): Promise<void> {
  const { clock } = clockFor(config);
  const storage = storageOf(config);
  const issue = (db: { db: Parameters<typeof accountsDb>[0] }) => issueResetToken(accountsDb(db.db), clock.now(), o.email);
  const { token, expiresAt } = product === 'sms' ? await withSms(storage, issue) : await withReviews(storage, issue);
  const url = accountLinkUrl(dashboardOrigin(config, product), token);
  emit(
    o.json === true,
    { url, expires_at: expiresAt.toISOString() },
    `Password reset link for ${o.email} (one use, until ${expiresAt.toISOString()}):\n  ${url}`,
  );
}
