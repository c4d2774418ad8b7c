/**
 * Item 8, sitemap half: every urlset validates against the sitemaps.org XSD (shipped in the npm
 * `sitemap` package) with xmllint; the index points at sitemaps that exist; and the URLs listed
 * are exactly the indexable pages (HTML pages minus 404 and noindex pages) — a count alone
 * would hide one page missing and another listed twice, so the sets are compared.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { display, fileOf, htmlPages, isNoindex } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';
import { INSTALL_XMLLINT, xmllint, xmllintErrors } from './xmllint.ts';

export interface SitemapOptions {
  siteUrl: string;
}

export function sitemapXsd(): string {
  return join(
    dirname(createRequire(import.meta.url).resolve('sitemap/package.json')),
    'schema',
    'sitemap.xsd',
  );
}

async function locs(file: string, parent: 'url' | 'sitemap'): Promise<string[] | undefined> {
  const result = await xmllint(['--xpath', `//*[local-name()='${parent}']/*[local-name()='loc']`, file]);
  // An empty node set is a non-zero exit too ("XPath set is empty"): that is just no URLs.
  if (!result.ok && result.stderr.includes('parser error')) return undefined;
  return [...result.stdout.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

export async function checkSitemap(distDir: string, { siteUrl }: SitemapOptions): Promise<CheckResult> {
  const origin = new URL(siteUrl).origin;
  const findings: Finding[] = [];
  const error = (file: string, message: string, fix: string, line?: number) =>
    findings.push({ severity: 'error', file: display(file), ...(line ? { line } : {}), message, fix });

  const index = ['sitemap-index.xml', 'sitemap.xml']
    .map((name) => join(distDir, name))
    .find((f) => existsSync(f));
  if (!index) {
    error(
      join(distDir, 'sitemap-index.xml'),
      'is missing: the site publishes no sitemap',
      'Keep @astrojs/sitemap in astro.config.ts integrations (with `site` set).',
    );
    return { findings, summary: 'no sitemap' };
  }
  const root = await xmllint(['--xpath', 'local-name(/*)', index]);
  if (root.missing) {
    error(index, 'cannot be checked: xmllint is not installed', INSTALL_XMLLINT);
    return { findings, summary: 'xmllint missing' };
  }
  if (!root.ok) {
    for (const e of xmllintErrors(root.stderr, index))
      error(
        index,
        `is not well-formed XML: ${e.message}`,
        'Check the sitemap integration in astro.config.ts.',
        e.line,
      );
    return { findings, summary: 'sitemap index not well-formed' };
  }

  // Either an index of urlsets (what @astrojs/sitemap writes) or a single urlset.
  let urlsets = [index];
  if (root.stdout.trim() === 'sitemapindex') {
    urlsets = [];
    for (const loc of (await locs(index, 'sitemap')) ?? []) {
      const file = loc.startsWith(`${origin}/`) ? join(distDir, new URL(loc).pathname) : undefined;
      if (!file || !existsSync(file))
        error(
          index,
          `lists ${loc}, which is not a sitemap in dist/`,
          `Sitemap URLs must be on ${origin} and point at a generated file.`,
        );
      else urlsets.push(file);
    }
  }

  const xsd = sitemapXsd();
  const listed = new Map<string, string>();
  for (const file of urlsets) {
    const valid = await xmllint(['--noout', '--schema', xsd, file]);
    if (!valid.ok) {
      for (const e of xmllintErrors(valid.stderr, file))
        error(
          file,
          `does not validate against the sitemap XSD: ${e.message}`,
          'Fix the sitemap options in astro.config.ts (or the page data feeding lastmod).',
          e.line,
        );
      continue;
    }
    for (const loc of (await locs(file, 'url')) ?? []) {
      if (listed.has(loc)) error(file, `lists ${loc} twice`, 'Each page appears once in the sitemap.');
      listed.set(loc, file);
    }
  }

  const pages = htmlPages(distDir);
  const indexable = new Set<string>();
  for (const page of pages) {
    if (basename(page.file) === '404.html' || isNoindex(page.tree)) continue;
    indexable.add(`${origin}${page.url}`);
  }
  for (const [loc, file] of listed) {
    if (indexable.has(loc)) continue;
    const target = loc.startsWith(`${origin}/`) ? fileOf(distDir, new URL(loc).pathname) : undefined;
    error(
      file,
      target
        ? `lists ${loc}, but ${display(target)} is not indexable (404 or noindex)`
        : `lists ${loc}, which is not a page in dist/`,
      target
        ? 'Filter it out in the sitemap integration (`filter` in astro.config.ts).'
        : 'Every sitemap URL must be a built page on the site origin; check `site` in astro.config.ts.',
    );
  }
  for (const url of indexable) {
    if (!listed.has(url)) {
      const file = fileOf(distDir, new URL(url).pathname)!;
      error(
        file,
        `is an indexable page but the sitemap does not list ${url}`,
        'Add it to the sitemap, or mark the page noindex if it should not be found.',
      );
    }
  }
  if (listed.size !== indexable.size) {
    error(
      index,
      `lists ${listed.size} URLs but dist has ${indexable.size} indexable pages (${pages.length} HTML pages minus 404 and noindex)`,
      'See the per-page findings above.',
    );
  }
  return {
    findings,
    summary: `${listed.size} URLs in ${urlsets.length} sitemap file(s) validated with xmllint; ${indexable.size} indexable of ${pages.length} pages`,
  };
}
