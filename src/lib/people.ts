/** How people are named and ordered across the site. */
import { PERSON_ROLES, ROLE_TITLES, type PersonData } from '../schemas/person.ts';

/** "Dr. Nadia Volkov, PhD" — the masthead form. */
export function fullName(person: PersonData): string {
  return (
    [person.honorific, person.name].filter(Boolean).join(' ') + (person.degree ? `, ${person.degree}` : '')
  );
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
