/**
 * JSON-LD: the serializer must keep any value inside its <script> element, and the graphs
 * must carry each page type's properties, with values taken from the content.
 */
import { describe, expect, it } from 'vitest';
import {
  articlePageGraph,
  newsletterIssueGraph,
  organizationNode,
  pageGraph,
  profilePageGraph,
  serializeJsonLd,
  type JsonLdNode,
  type LdArticle,
  type LdPerson,
} from '../../src/lib/json-ld.ts';
import { beatById, site } from '../../src/site.config.ts';

const XSS = '</script><script>alert(1)</script>';
const LS = '\u2028';
const PS = '\u2029';

function person(id: string, name: string, extra: Partial<LdPerson['data']> = {}): LdPerson {
  return {
    id,
    data: {
      name,
      role: 'staff-writer',
      bio: `${name} writes about production machine learning for the publication.`,
      knowsAbout: ['feature stores', 'model serving'],
      education: [
        { degree: 'PhD', field: 'Computer Science', institution: 'ETH Zürich', year: 2015 },
        { degree: 'MSc', institution: 'ETH Zürich' },
      ],
      ...extra,
    },
  };
}

const ada = person('ada-okafor', 'Ada Okafor', {
  honorific: 'Dr.',
  degree: 'PhD',
  links: [{ label: 'Site', url: 'https://ada.example/' }],
});
const ben = person('ben-sato', 'Ben Sato', { role: 'technical-reviewer' });

function article(overrides: Partial<LdArticle['data']> = {}, beat = beatById('mlops')): LdArticle {
  return {
    slug: 'feature-store-latency',
    url: '/articles/feature-store-latency/',
    beat,
    authors: [ada],
    reviewer: ben,
    modified: new Date('2025-04-02T00:00:00Z'),
    data: {
      title: 'Feature store latency',
      description: 'Why p99 matters & what to do.',
      published: new Date('2025-03-14T00:00:00Z'),
      updated: undefined,
      tags: ['feature-stores', 'latency'],
      sources: [
        {
          id: 'paper',
          title: 'A paper',
          authors: ['Ada Okafor', 'Ben Sato'],
          url: 'https://example.org/paper',
          doi: '10.5555/a-paper',
          archived: 'https://web.archive.org/web/20240301000000/https://example.org/paper',
          publisher: 'ACM',
          date: new Date('2024-01-02T00:00:00Z'),
          kind: 'paper',
        },
        { id: 'talk', title: 'A talk', kind: 'talk' },
      ],
      corrections: [
        {
          date: new Date('2025-04-02T00:00:00Z'),
          kind: 'correction',
          summary: 'The cache hit rate was 82 percent, not 92.',
        },
      ],
      ...overrides,
    },
  };
}

const byType = (nodes: readonly JsonLdNode[], type: string) => nodes.find((n) => n['@type'] === type);

describe('serializeJsonLd', () => {
  it('never lets a value close the script element, and round-trips through JSON.parse', () => {
    const value = { headline: `${XSS} & <!-- ${LS}${PS} -->`, nested: [{ name: `a${LS}b` }] };
    const text = serializeJsonLd(value);
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
    expect(text).not.toContain('&');
    expect(text).not.toContain(LS);
    expect(text).not.toContain(PS);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u2028');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('escapes the title of a whole article graph', () => {
    const text = serializeJsonLd(pageGraph(articlePageGraph(article({ title: `${XSS}${LS}` }))));
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).not.toContain(LS);
    const parsed = JSON.parse(text) as { '@graph': JsonLdNode[] };
    expect(byType(parsed['@graph'], 'TechArticle')?.headline).toBe(`${XSS}${LS}`);
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => serializeJsonLd(undefined)).toThrow(/not serializable/);
  });
});

describe('the organisation', () => {
  it('points at the accountability pages', () => {
    const org = organizationNode();
    expect(org['@type']).toBe('NewsMediaOrganization');
    expect(org).toMatchObject({
      name: site.name,
      publishingPrinciples: `${site.url}/about/#policy`,
      correctionsPolicy: `${site.url}/about/#corrections-policy`,
      ethicsPolicy: `${site.url}/about/#conflicts`,
      ownershipFundingInfo: `${site.url}/about/#funding`,
      masthead: `${site.url}/masthead/`,
    });
  });

  it('is on every page graph, with the website', () => {
    const graph = pageGraph();
    expect(graph['@context']).toBe('https://schema.org');
    expect(graph['@graph'].map((n) => n['@type'])).toEqual(['NewsMediaOrganization', 'WebSite']);
  });
});

describe('article page graph', () => {
  it('is a reviewed WebPage whose main entity is the TechArticle', () => {
    const nodes = articlePageGraph(article());
    const page = byType(nodes, 'WebPage')!;
    const tech = byType(nodes, 'TechArticle')!;
    expect(page.reviewedBy).toMatchObject({
      '@type': 'Person',
      name: 'Ben Sato',
      url: `${site.url}/people/ben-sato/`,
    });
    expect(page.lastReviewed).toBe('2025-03-14');
    expect(page.mainEntity).toEqual({ '@id': tech['@id'] });
    expect(tech).toMatchObject({
      headline: 'Feature store latency',
      description: 'Why p99 matters & what to do.',
      author: [{ '@type': 'Person', name: 'Ada Okafor', url: `${site.url}/people/ada-okafor/` }],
      datePublished: '2025-03-14',
      dateModified: '2025-04-02',
      articleSection: 'MLOps & reliability',
      keywords: ['feature-stores', 'latency'],
      publisher: { '@id': `${site.url}/#organization` },
    });
    expect(tech.citation).toEqual([
      {
        '@type': 'ScholarlyArticle',
        name: 'A paper',
        author: [
          { '@type': 'Person', name: 'Ada Okafor' },
          { '@type': 'Person', name: 'Ben Sato' },
        ],
        url: 'https://example.org/paper',
        sameAs: 'https://doi.org/10.5555/a-paper',
        archivedAt: 'https://web.archive.org/web/20240301000000/https://example.org/paper',
        publisher: { '@type': 'Organization', name: 'ACM' },
        datePublished: '2024-01-02',
      },
      { '@type': 'CreativeWork', name: 'A talk' },
    ]);
    expect(tech.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        datePublished: '2025-04-02',
        text: 'The cache hit rate was 82 percent, not 92.',
        url: `${site.url}/articles/feature-store-latency/#correction-2025-04-02`,
      },
    ]);
  });

  it('makes post-mortems Reports and uses updated for lastReviewed', () => {
    const nodes = articlePageGraph(
      article({ updated: new Date('2025-03-20T00:00:00Z') }, beatById('postmortems')),
    );
    expect(byType(nodes, 'Report')).toBeDefined();
    expect(byType(nodes, 'TechArticle')).toBeUndefined();
    expect(byType(nodes, 'WebPage')!.lastReviewed).toBe('2025-03-20');
  });
});

describe('profile page graph', () => {
  it('is a ProfilePage about the Person', () => {
    const [page] = profilePageGraph(ada);
    expect(page!['@type']).toBe('ProfilePage');
    expect(page!.mainEntity).toMatchObject({
      '@type': 'Person',
      name: 'Ada Okafor',
      honorificSuffix: 'PhD',
      jobTitle: 'Staff Writer',
      knowsAbout: ['feature stores', 'model serving'],
      alumniOf: [{ '@type': 'EducationalOrganization', name: 'ETH Zürich' }],
      description: ada.data.bio,
      sameAs: ['https://ada.example/'],
    });
    // The degree stands alone: "Dr." with "PhD" would say the same thing twice.
    expect(page!.mainEntity).not.toHaveProperty('honorificPrefix');
  });

  it('lists the GitHub profile among sameAs when the person names one', () => {
    const withGithub = { ...ada, data: { ...ada.data, github: 'ada-okafor-example' } };
    const [page] = profilePageGraph(withGithub);
    expect(page!.mainEntity).toMatchObject({
      sameAs: ['https://ada.example/', 'https://github.com/ada-okafor-example'],
    });
  });
});

describe('newsletter issue graph', () => {
  it('is a PublicationIssue of the Periodical, with its parts', () => {
    const nodes = newsletterIssueGraph(
      { number: 7, title: 'Monitoring', date: new Date('2025-10-19T00:00:00Z'), summary: 'Three pieces.' },
      [
        {
          url: `${site.url}/articles/feature-store-latency/`,
          name: 'Feature store latency',
          articleSlug: 'feature-store-latency',
        },
        { url: 'https://example.org/post', name: 'A post' },
      ],
    );
    const periodical = byType(nodes, 'Periodical')!;
    const issue = byType(nodes, 'PublicationIssue')!;
    expect(issue).toMatchObject({
      issueNumber: '7',
      datePublished: '2025-10-19',
      isPartOf: { '@id': periodical['@id'] },
    });
    expect(issue.hasPart).toEqual([
      {
        '@type': 'Article',
        '@id': `${site.url}/articles/feature-store-latency/#article`,
        url: `${site.url}/articles/feature-store-latency/`,
        headline: 'Feature store latency',
      },
      { '@type': 'CreativeWork', url: 'https://example.org/post', name: 'A post' },
    ]);
  });
});
