/**
 * The side menu as data (pure, tested in test/nav.test.ts): each dashboard gives its list, AppShell draws
 * it. An item with children is a group: its label is a button that opens them.
 */
export interface NavItem {
  label: string;
  /**
   * The page; absent on a group that only opens its children. On a group it is not followed (the label
   * opens the children) but still counts for "holds the current page", for pages below it that the menu
   * does not list.
   */
  to?: string;
  children?: readonly NavItem[];
  /** 'bottom' pins the item to the bottom of the side menu (the reviews dashboard's Settings). */
  placement?: 'top' | 'bottom';
}

/** Whether a menu entry is the current page: Home only at `/`, any other entry on its own path and below it. */
export function isCurrent(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** Whether an item is, or a group holds at any depth, the current page: such a group starts open. */
export function holdsCurrent(item: NavItem, pathname: string): boolean {
  if (item.to !== undefined && isCurrent(item.to, pathname)) return true;
  return (item.children ?? []).some((child) => holdsCurrent(child, pathname));
}

/** The items of the top of the menu and those pinned to its bottom, each in the dashboard's order. */
export function byPlacement(items: readonly NavItem[]): { top: NavItem[]; bottom: NavItem[] } {
  return {
    top: items.filter((i) => i.placement !== 'bottom'),
    bottom: items.filter((i) => i.placement === 'bottom'),
  };
}

/** A React key for an item among its siblings: its page, or a group's label. */
export const navKey = (item: NavItem): string => item.to ?? `group:${item.label}`;
