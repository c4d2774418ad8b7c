/** How people are named and ordered across the site. */
import { PERSON_ROLES, ROLE_TITLES, type PersonData } from '../schemas/person.ts';
import { listOf } from './words.ts';

/** What naming a person reads of their file. */
export type NamedPerson = Pick<PersonData, 'name' | 'honorific' | 'degree'>;

/**
 * One rule for honorifics and degrees, everywhere a person is named (bylines, cards, masthead,
 * profile, search, feeds, JSON-LD): a degree after the name stands on its own and is never
 * paired with an honorific that says the same thing ("Nadia Volkov, PhD", not "Dr. Nadia
 * Volkov, PhD"); the honorific shows only for someone without a degree on record ("Dr. Lee").
 */
export function nameParts(person: NamedPerson): { prefix?: string; name: string; suffix?: string } {
  if (person.degree) return { name: person.name, suffix: person.degree };
  if (person.honorific) return { prefix: person.honorific, name: person.name };
  return { name: person.name };
}

/** The name as readers see it: "Nadia Volkov, PhD", "Dr. Ada Lee", "Lukas Berg, MS". */
export function displayName(person: NamedPerson): string {
  const { prefix, name, suffix } = nameParts(person);
  return `${prefix ? `${prefix} ` : ''}${name}${suffix ? `, ${suffix}` : ''}`;
}

/** "Nadia Volkov, PhD and Lukas Berg, MS": several people named by the one rule, as a list. */
export function namesOf(people: readonly { data: NamedPerson }[]): string {
  return listOf(people.map((person) => displayName(person.data)));
}

export function roleTitle(person: PersonData): string {
  return ROLE_TITLES[person.role];
}

/** Masthead order: by role, then by name. */
export function compareByRole(a: PersonData, b: PersonData): number {
  return PERSON_ROLES.indexOf(a.role) - PERSON_ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'en');
}

/** The profile URL of a person's GitHub account, when their file names one. */
export function githubProfileUrl(person: PersonData): string | undefined {
  return person.github ? `https://github.com/${person.github}` : undefined;
}
