import { createContext, useContext } from 'react';
import type { MantineColor } from '@mantine/core';
import type { Api } from './api.js';

/** What makes one dashboard its product's; everything else is shared. */
export interface DashboardConfig {
  /** Shown in the header, on the login page and as the document title: "Rapport SMS". */
  title: string;
  /** What a tenant is called in this product, lower case: "shop", "store". */
  tenantNoun: string;
  /** The key of the tenant list in the session answer: "shops", "stores". */
  tenantsKey: string;
  /** The localStorage key that remembers the selected tenant in this browser. */
  storageKey: string;
  primaryColor: MantineColor;
  api: Api;
}

const DashboardConfigContext = createContext<DashboardConfig | null>(null);
export const DashboardConfigProvider = DashboardConfigContext.Provider;

export function useDashboard(): DashboardConfig {
  const config = useContext(DashboardConfigContext);
  if (!config) throw new Error('useDashboard outside DashboardRoot');
  return config;
}

/** "shop" → "Shop". */
export const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
