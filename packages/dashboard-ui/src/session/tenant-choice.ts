/** A shop (SMS) or a store (reviews): what a dashboard works inside. */
export interface Tenant {
  id: string;
  name: string;
}

/**
 * The tenant a session opens in: the one chosen last time in this browser if the user still has it,
 * otherwise the first the server lists, or none (the user has no tenant yet: onboarding).
 */
export function chooseTenant<T extends Tenant>(tenants: readonly T[], remembered: string | null): T | undefined {
  return tenants.find((t) => t.id === remembered) ?? tenants[0];
}
