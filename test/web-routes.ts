import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The web app's route patterns, read from web/src/app/app.routes.tsx (`guarded('/demands', …)`,
 * `path: '/security'`, and a guarded route's page path `'/cadres/:id'`) and the sections of
 * web/src/app/app.sections.tsx (each routed: its page, or a 建设中 page until it is built): a
 * link the server hands out (home items, notifications) must open one of them.
 */
export function webRoutePatterns(): string[] {
  const source = readFileSync(path.resolve('web/src/app/app.routes.tsx'), 'utf8');
  const sections = readFileSync(path.resolve('web/src/app/app.sections.tsx'), 'utf8');
  const patterns = new Set<string>(['/']);
  for (const m of sections.matchAll(/\bpath: '(\/[^']*)'/g)) patterns.add(m[1] as string);
  for (const m of source.matchAll(/guarded\(\s*'([^']+)'/g)) patterns.add(m[1] as string);
  for (const m of source.matchAll(/path: '(\/[^']*)'/g)) patterns.add(m[1] as string);
  for (const m of source.matchAll(/\n\s*'(\/[^']*)',\n\s*\)/g)) patterns.add(m[1] as string);
  return [...patterns];
}

/** Does a link (`/postings/abc?x=1`) open one of the web app's routes? */
export function isWebRoute(link: string): boolean {
  const pathname = new URL(link, 'http://app').pathname;
  return webRoutePatterns().some((pattern) => {
    // `/postings/:id?`: an optional last part; `/cadres/:id`: a required one
    const re = new RegExp(`^${pattern.replace(/\/:[^/?]+\?/g, '(?:/[^/]+)?').replace(/:[^/]+/g, '[^/]+')}$`);
    return re.test(pathname);
  });
}
