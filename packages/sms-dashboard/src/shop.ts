import type { DashboardShop } from '@rapport/sms/schemas';

/** A shop as the session lists it (`GET /api/dashboard/session` → `shops`) and `POST /api/dashboard/shops` answers. */
export type Shop = DashboardShop;
