/** Related-article scoring: shared tags first, then the beat, then recency; never itself. */
import { describe, expect, it } from 'vitest';
import { pickRelated, relatedScore, type RelatedCandidate } from '../../src/lib/related.ts';

function a(slug: string, beat: string, tags: string[], published = '2025-01-01'): RelatedCandidate {
  return { slug, data: { beat, tags, published: new Date(`${published}T00:00:00Z`) } };
}

const self = a('self', 'mlops', ['drift', 'monitoring', 'latency']);

describe('relatedScore', () => {
  it('weighs a shared tag above the same beat', () => {
    expect(relatedScore(self, a('x', 'benchmarks', ['drift']))).toBe(2);
    expect(relatedScore(self, a('x', 'mlops', []))).toBe(1);
    expect(relatedScore(self, a('x', 'mlops', ['drift', 'latency']))).toBe(5);
    expect(relatedScore(self, a('x', 'architecture', ['gpus']))).toBe(0);
  });

  it('never relates an article to itself, and counts a repeated tag once', () => {
    expect(relatedScore(self, self)).toBe(0);
    expect(relatedScore(self, a('x', 'benchmarks', ['drift', 'drift']))).toBe(2);
  });
});

describe('pickRelated', () => {
  const candidates = [
    self,
    a('same-beat-only', 'mlops', ['gpus'], '2025-06-01'),
    a('two-tags', 'benchmarks', ['drift', 'latency'], '2024-01-01'),
    a('one-tag-old', 'architecture', ['monitoring'], '2024-01-01'),
    a('one-tag-new', 'architecture', ['drift'], '2025-02-01'),
    a('unrelated', 'postmortems', ['forecasting'], '2025-09-01'),
  ];

  it('returns the three most related, most related first, ties to the newer', () => {
    expect(pickRelated(self, candidates).map((c) => c.slug)).toEqual([
      'two-tags',
      'one-tag-new',
      'one-tag-old',
    ]);
  });

  it('never pads with unrelated articles', () => {
    expect(pickRelated(self, candidates, 10).map((c) => c.slug)).toEqual([
      'two-tags',
      'one-tag-new',
      'one-tag-old',
      'same-beat-only',
    ]);
  });

  it('does not depend on input order', () => {
    const ties = [a('b', 'mlops', [], '2025-01-01'), a('a', 'mlops', [], '2025-01-01')];
    expect(pickRelated(self, ties).map((c) => c.slug)).toEqual(['a', 'b']);
    expect(pickRelated(self, [...ties].reverse()).map((c) => c.slug)).toEqual(['a', 'b']);
  });

  it('leaves out the articles the page already shows as previous and next', () => {
    expect(pickRelated(self, candidates, 3, new Set(['two-tags', 'one-tag-old'])).map((c) => c.slug)).toEqual(
      ['one-tag-new', 'same-beat-only'],
    );
  });
});
