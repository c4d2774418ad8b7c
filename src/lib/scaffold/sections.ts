/**
 * The sections a new article of each beat starts with: the headings its beat's contract asks
 * for, in order, each with a line saying what belongs there.
 */
import type { BeatId } from '../../site.config.ts';

export interface StarterSection {
  heading: string;
  prompt: string;
}

// Post-mortems follow the contract the content lint checks (timeline, impact, detection, root
// cause, contributing factors, what changed afterwards).
const POSTMORTEM_SECTIONS: StarterSection[] = [
  { heading: 'Timeline', prompt: 'What happened when, in order, with times and sources.' },
  { heading: 'Impact', prompt: 'Who and what was affected, for how long, measured how.' },
  { heading: 'Detection', prompt: 'How the failure was noticed, and how long that took.' },
  { heading: 'Root cause', prompt: 'The mechanism that produced the failure, as the evidence supports it.' },
  { heading: 'Contributing factors', prompt: 'What made it worse, or made it possible.' },
  { heading: 'What changed afterwards', prompt: 'What the organisation changed, and what we can learn.' },
];

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
