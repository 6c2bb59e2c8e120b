/**
 * The selected tenant, kept in localStorage so a reload or a new tab opens the same shop. Only the id is
 * stored (no names, nothing from the session). Storage can be unavailable (a privacy mode that throws on
 * access): the choice then lasts for the page only.
 */
export interface TenantMemory {
  read(): string | null;
  write(id: string): void;
}

export function tenantMemory(key: string, storage: () => Storage = () => window.localStorage): TenantMemory {
  return {
    read: () => {
      try {
        return storage().getItem(key);
      } catch {
        return null;
      }
    },
    write: (id) => {
      try {
        storage().setItem(key, id);
      } catch {
        // Not kept across reloads; the session still switches.
      }
    },
  };
}
