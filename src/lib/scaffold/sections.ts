/**
 * The sections a new article of each beat starts with: the headings its beat's contract asks
 * for, in order, each with a line saying what belongs there.
 */
import { site, type BeatId } from '../../site.config.ts';

export interface StarterSection {
  heading: string;
  prompt: string;
}

// Post-mortems follow the contract the content lint checks, with the headings configured once
// in site.config.ts (postmortemSections); only the prompts live here.
const POSTMORTEM_PROMPTS: Record<string, string> = {
  timeline: 'What happened when, in order, with times and sources.',
  impact: 'Who and what was affected, for how long, measured how.',
  detection: 'How the failure was noticed, and how long that took.',
  'root-cause': 'The mechanism that produced the failure, as the evidence supports it.',
  'contributing-factors': 'What made it worse, or made it possible.',
  'what-changed': 'What the organisation changed, and what we can learn.',
};
const POSTMORTEM_SECTIONS: StarterSection[] = site.postmortemSections.map((section) => ({
  heading: section.heading,
  prompt: POSTMORTEM_PROMPTS[section.id] ?? 'What belongs in this section, with sources.',
}));

const SECTIONS: Record<BeatId, StarterSection[]> = {
  architecture: [
    { heading: 'The problem', prompt: 'What the system had to do, at what scale.' },
    { heading: 'The design', prompt: 'How it is built, component by component, each claim sourced.' },
    { heading: 'Trade-offs', prompt: 'What the design gave up, and what it cost.' },
  ],
  benchmarks: [
    { heading: 'What we measured', prompt: 'The question, the systems compared and why.' },
    { heading: 'Results', prompt: 'The numbers with their intervals; never a bare number.' },
    { heading: 'What the numbers do not say', prompt: 'Limits of the setup and of the conclusions.' },
  ],
  mlops: [
    { heading: 'The problem', prompt: 'What kept going wrong after launch.' },
    { heading: 'What they built', prompt: 'The practice or tooling, and how it is run.' },
    { heading: 'What it changed', prompt: 'Measured effect, with sources.' },
  ],
  postmortems: POSTMORTEM_SECTIONS,
};

export function starterSections(beat: BeatId): readonly StarterSection[] {
  return SECTIONS[beat];
}
