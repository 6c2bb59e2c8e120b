import { NavLink } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { holdsCurrent, isCurrent, navKey, type NavItem } from './nav.js';

interface EntriesProps {
  items: readonly NavItem[];
  pathname: string;
  /** Called when a page link is followed (the phone's drawer closes); opening a group keeps it open. */
  onNavigate: () => void;
}

/** Menu items as Mantine NavLinks: pages as links, groups as buttons that open their children. */
export function NavEntries({ items, pathname, onNavigate }: EntriesProps) {
  return items.map((item) =>
    item.children ? (
      <NavGroup key={navKey(item)} group={item} entries={item.children} pathname={pathname} onNavigate={onNavigate} />
    ) : item.to !== undefined ? (
      <NavPage key={navKey(item)} label={item.label} to={item.to} pathname={pathname} onNavigate={onNavigate} />
    ) : null,
  );
}

function NavPage({ label, to, pathname, onNavigate }: { label: string; to: string; pathname: string; onNavigate: () => void }) {
  const current = isCurrent(to, pathname);
  return (
    <NavLink component={Link} to={to} label={label} active={current} aria-current={current ? 'page' : undefined} onClick={onNavigate} />
  );
}

// aria-expanded is set here: Mantine 9.7 (pinned for @mantine/charts) leaves it off a closed NavLink group.
function NavGroup({ group, entries, pathname, onNavigate }: { group: NavItem; entries: readonly NavItem[] } & Omit<EntriesProps, 'items'>) {
  const holds = holdsCurrent(group, pathname);
  const [opened, setOpened] = useState(holds);
  // Arriving at one of its pages from elsewhere (a link on a screen, the back button) opens the group
  // too, so the current page is never hidden in a closed group; closing it stays the person's choice.
  useEffect(() => {
    if (holds) setOpened(true);
  }, [holds]);
  return (
    <NavLink component="button" label={group.label} opened={opened} onChange={setOpened} childrenOffset="sm" aria-expanded={opened}>
      <NavEntries items={entries} pathname={pathname} onNavigate={onNavigate} />
    </NavLink>
  );
}
