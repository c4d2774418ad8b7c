import { describe, expect, it } from 'vitest';
import { nearestTerms, searchVocabulary } from '../../src/lib/search-suggest.ts';

const vocabulary = searchVocabulary([
  'Reporting serving latency honestly',
  'DoorDash monitoring drift',
  'feature-store latency benchmarks',
]);

describe('search suggestions', () => {
  it('builds a lower-case vocabulary of words of four letters or more', () => {
    expect(vocabulary).toContain('latency');
    expect(vocabulary).toContain('feature-store');
    expect(vocabulary).not.toContain('DoorDash');
    expect(vocabulary).toContain('doordash');
  });

  it('offers the indexed words nearest a typo', () => {
    expect(nearestTerms('latancy', vocabulary)).toEqual(['latency']);
    expect(nearestTerms('drfit', vocabulary)).toEqual(['drift']);
    expect(nearestTerms('monitor', vocabulary)).toEqual(['monitoring']);
  });

  it('keeps the rest of the query', () => {
    expect(nearestTerms('serving latancy', vocabulary)).toEqual(['serving latency']);
  });

  it('offers nothing for a word far from the vocabulary or too short to guess', () => {
    expect(nearestTerms('zzqx', vocabulary)).toEqual([]);
    expect(nearestTerms('la', vocabulary)).toEqual([]);
  });
});
