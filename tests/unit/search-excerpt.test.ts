import { describe, expect, it } from 'vitest';
import { tidyExcerpt, type ExcerptSegment } from '../../src/lib/search-excerpt.ts';

const plain = (text: string): ExcerptSegment => ({ text, mark: false });
const mark = (text: string): ExcerptSegment => ({ text, mark: true });
const text = (segments: ExcerptSegment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('tidyExcerpt', () => {
  it('closes the gap a removed citation or formula left before punctuation', () => {
    expect(
      text(
        tidyExcerpt([plain('search '), mark('latency'), plain(' . Algorithm revisions leave older ones.')]),
      ),
    ).toBe('… search [latency]. Algorithm revisions leave older ones.');
    expect(text(tidyExcerpt([plain('Giving  , the Kullback–Leibler divergence is : The index.')]))).toBe(
      'Giving, the Kullback–Leibler divergence is: The index.',
    );
  });

  it('drops a leading kicker and title the result already shows, keeping highlights', () => {
    const out = tidyExcerpt(
      [
        plain("& reliability. DoorDash's answer to model "),
        mark('drift'),
        plain(': make monitoring a platform default. DoorDash treated '),
        mark('drift'),
        plain(' as a problem.'),
      ],
      [
        'MLOps & reliability',
        '& reliability',
        "DoorDash's answer to model drift: make monitoring a platform default",
      ],
    );
    expect(text(out)).toBe('DoorDash treated [drift] as a problem.');
  });

  it('drops the tail of the title when the passage opens partway through it', () => {
    const title = "DoorDash's answer to model drift: make monitoring a platform default";
    const out = tidyExcerpt(
      [
        plain('to model '),
        mark('drift'),
        plain(': make monitoring a platform default. DoorDash treated it well.'),
      ],
      [title],
    );
    expect(text(out)).toBe('DoorDash treated it well.');
    // A short coincidence with the title's last words is not a repeat.
    expect(text(tidyExcerpt([plain('platform default settings matter.')], [title]))).toBe(
      '… platform default settings matter.',
    );
  });

  it('marks a cut with an ellipsis at either end', () => {
    expect(
      text(
        tidyExcerpt([
          plain('gives up to meet the '),
          mark('latency'),
          plain(' bound. What the latency constraints mean. In the server scenario, each'),
        ]),
      ),
    ).toBe(
      '… gives up to meet the [latency] bound. What the latency constraints mean. In the server scenario, each …',
    );
  });

  it('leaves a clean, whole passage alone', () => {
    expect(text(tidyExcerpt([plain('A whole sentence about '), mark('drift'), plain('.')]))).toBe(
      'A whole sentence about [drift].',
    );
  });

  it('is safe on empty input', () => {
    expect(tidyExcerpt([])).toEqual([]);
    expect(tidyExcerpt([plain('   ')])).toEqual([]);
  });
});
