import { useLocation } from 'react-router';

/**
 * A detail page opened from another section's list (a nominee's 干部详情 from 选派推荐) keeps that
 * section: the link carries `state: cameFrom(location)`, the menu highlights the section it came
 * from, and the back button names it. Without the state (a typed address, a reload in a new tab)
 * the page belongs to its own section.
 */
export interface CameFrom {
  from: string;
}

export const cameFrom = (location: { pathname: string; search: string }): CameFrom => ({
  from: `${location.pathname}${location.search}`,
});

/** The path this page was opened from, when a link said so. */
export function useCameFrom(): string | null {
  const state = useLocation().state as Partial<CameFrom> | null;
  return typeof state?.from === 'string' && state.from.startsWith('/') ? state.from : null;
}
