/**
 * The MDX allowlist made real: the components passed to every article's <Content />.
 * Editors never import; anything not named here is refused by the content lint
 * (see allowlist.ts for the attributes each accepts).
 */
import Aside from './Aside.astro';
import Correction from './Correction.astro';
import Methodology from './Methodology.astro';
import type { MdxComponentName } from './allowlist.ts';

export const mdxComponents = { Aside, Correction, Methodology } satisfies Record<MdxComponentName, unknown>;
