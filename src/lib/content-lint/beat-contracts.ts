/**
 * What each beat's pieces must contain, beyond the frontmatter every article has. Benchmarks
 * report how they measured and what they measured; post-mortems have the sections a reader of
 * an incident report looks for (the heading words are configured once, in site.config.ts).
 */
import type { ArticleData } from '../../schemas/article.ts';
import { site, type RequiredSection } from '../../site.config.ts';
import type { BodyFacts } from './body.ts';

export type ContractReport = (path: (string | number)[], field: string, message: string) => void;

/** The required sections no heading of the article covers. */
export function missingSections(
  headings: readonly { text: string }[],
  sections: readonly RequiredSection[] = site.postmortemSections,
): RequiredSection[] {
  const texts = headings.map((h) => h.text.toLowerCase());
  return sections.filter(
    (section) => !section.words.some((word) => texts.some((t) => t.includes(word.toLowerCase()))),
  );
}

export function checkBeatContract(article: ArticleData, facts: BodyFacts, report: ContractReport): void {
  if (article.beat === 'benchmarks') {
    if (!article.methodology) {
      report(
        ['beat'],
        'methodology',
        'benchmark pieces must report how they measured: add a `methodology:` block to the frontmatter (workload, warm-up, runs or requests, statistic, interval, harness, measured date); see content/FORMAT.md.',
      );
    }
    if (article.results.length === 0) {
      report(
        ['beat'],
        'results',
        'benchmark pieces must publish what they measured: add at least one `results:` entry (a CSV or JSON file beside the article, with estimates, sample sizes and intervals) and show it with <Results id="…" />.',
      );
    }
  }
  if (article.beat === 'postmortems') {
    for (const section of missingSections(facts.headings)) {
      report(
        ['beat'],
        `section "${section.heading}"`,
        `post-mortems need a "${section.heading}" section: add a heading such as "## ${section.heading}" (any heading containing ${section.words.map((w) => `"${w}"`).join(' or ')} counts).`,
      );
    }
  }
}
