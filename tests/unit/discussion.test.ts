import { describe, expect, it } from 'vitest';
import { frameSources } from '../../src/lib/csp-sources.ts';
import {
  discussionEmbedUrl,
  discussionLinks,
  discussionThreadUrl,
  GISCUS_ORIGIN,
} from '../../src/lib/discussion.ts';
import { parseSiteConfig, site } from '../../src/site.config.ts';

const enabled = {
  enabled: true as const,
  repoId: 'R_kgDOabc',
  category: 'Articles',
  categoryId: 'DIC_kwDOabc',
  embed: true,
};
const target = {
  slug: 'gpu-costs',
  url: 'https://example.com/articles/gpu-costs/',
  description: 'What a GPU hour costs.',
};

describe('discussion links', () => {
  it('finds the thread on GitHub by the slug, in the configured category', () => {
    const url = new URL(discussionThreadUrl('gpu-costs', enabled, 'https://github.com/o/r'));
    expect(url.origin + url.pathname).toBe('https://github.com/o/r/discussions');
    expect(url.searchParams.get('discussions_q')).toBe('in:title "gpu-costs" category:"Articles"');
  });

  it("builds giscus's widget address with the parameters its client sends", () => {
    const url = new URL(
      discussionEmbedUrl(target, enabled, { repositoryUrl: 'https://github.com/o/r', language: 'en' }),
    );
    expect(url.origin).toBe(GISCUS_ORIGIN);
    expect(url.pathname).toBe('/en/widget');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      origin: new URL('/articles/gpu-costs/discussion/', site.url).href,
      session: '',
      theme: 'preferred_color_scheme',
      reactionsEnabled: '1',
      emitMetadata: '0',
      inputPosition: 'bottom',
      repo: 'o/r',
      repoId: 'R_kgDOabc',
      category: 'Articles',
      categoryId: 'DIC_kwDOabc',
      strict: '1',
      description: 'What a GPU hour costs.',
      backLink: 'https://example.com/articles/gpu-costs/',
      term: 'gpu-costs',
    });
  });

  it('sends readers to the discussion page when the embed is on, straight to GitHub when it is off', () => {
    expect(discussionLinks(target, enabled)).toMatchObject({ page: '/articles/gpu-costs/discussion/' });
    const linkOnly = discussionLinks(target, { ...enabled, embed: false });
    expect(linkOnly?.page).toBe(linkOnly?.thread);
    expect(linkOnly?.thread).toContain('/discussions?');
    expect(linkOnly?.embed).toBeUndefined();
  });

  it('offers nothing when discussions are off', () => {
    expect(discussionLinks(target, { enabled: false })).toBeUndefined();
  });
});

describe('discussions in the CSP', () => {
  it('names exactly giscus.app on discussion pages when the embed is on, and no frame origin elsewhere', () => {
    const page = '/articles/gpu-costs/discussion/';
    expect(frameSources(page, { discussions: enabled })).toEqual(['https://giscus.app']);
    expect(frameSources('/articles/gpu-costs/', { discussions: enabled })).toEqual([]);
    expect(frameSources('/', { discussions: enabled })).toEqual([]);
    expect(frameSources(page, { discussions: { ...enabled, embed: false } })).toEqual([]);
    expect(frameSources(page, { discussions: { enabled: false } })).toEqual([]);
  });
});

describe('discussions in the site config', () => {
  const withDiscussions = (discussions: unknown) => () => parseSiteConfig({ ...site, discussions });

  it('is off by default', () => {
    expect(parseSiteConfig({ ...site, discussions: undefined }).discussions).toEqual({ enabled: false });
  });

  it('is on for MLSR, with the embed', () => {
    expect(site.discussions).toMatchObject({ enabled: true, embed: true });
  });

  it('refuses enabled without a repository id, naming the field and where to find it', () => {
    expect(withDiscussions({ enabled: true, category: 'Articles', categoryId: 'DIC_kwDOabc' })).toThrow(
      /discussions\.repoId: is required when discussions are enabled: copy data-repo-id from the snippet giscus\.app generates/,
    );
  });

  it('refuses ids in the wrong shape', () => {
    expect(withDiscussions({ ...enabled, categoryId: 'Articles' })).toThrow(
      /discussions\.categoryId: must be the category id giscus\.app shows as data-category-id/,
    );
  });

  it('refuses ids left behind with enabled: false, and a missing switch', () => {
    expect(withDiscussions({ enabled: false, repoId: 'R_kgDOabc' })).toThrow(
      /discussions: has "repoId" but enabled is false: set enabled: true to use them, or remove them/,
    );
    expect(withDiscussions({ repoId: 'R_kgDOabc' })).toThrow(/discussions\.enabled: needs enabled: true/);
  });
});
