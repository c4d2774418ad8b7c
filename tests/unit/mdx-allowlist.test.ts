/** The allowlist the gate enforces, the builders the renderer uses and the editor docs agree. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  FORBIDDEN_HTML_ELEMENTS,
  FORBIDDEN_URL_SCHEME,
  MDX_COMPONENT_RULES,
  SAFE_HTML_ELEMENTS,
} from '../../src/components/mdx/allowlist.ts';
import { componentBuilders } from '../../src/components/mdx/index.ts';

const allowed = Object.keys(MDX_COMPONENT_RULES).sort();

describe('MDX allowlist', () => {
  it('has a builder for every allowed component and none besides', () => {
    expect(Object.keys(componentBuilders).sort()).toEqual(allowed);
  });

  it('is the list content/FORMAT.md gives editors', async () => {
    const format = await readFile('content/FORMAT.md', 'utf8');
    const line = /Allowed components: (.*)$/m.exec(format)?.[1] ?? '';
    expect([...line.matchAll(/`(\w+)`/g)].map((m) => m[1]).sort()).toEqual(allowed);
  });

  it('shows every required attribute in the usage line of its error messages', () => {
    for (const rule of Object.values(MDX_COMPONENT_RULES)) {
      for (const attribute of rule.required) expect(rule.usage).toContain(`${attribute}="`);
    }
  });

  it('never lists a dangerous element as safe', () => {
    expect(Object.keys(SAFE_HTML_ELEMENTS).filter((name) => FORBIDDEN_HTML_ELEMENTS.has(name))).toEqual([]);
    expect(
      Object.values(SAFE_HTML_ELEMENTS)
        .flat()
        .filter((attribute) => /^on|^href$|^src$|^style$/i.test(attribute)),
    ).toEqual([]);
  });

  it.each(['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd'])(
    'refuses the URL %j',
    (url) => {
      expect(FORBIDDEN_URL_SCHEME.test(url)).toBe(true);
    },
  );

  it.each(['https://example.com', '/articles/x/', '#source-a', 'mailto:editors@example.com'])(
    'lets %j through',
    (url) => {
      expect(FORBIDDEN_URL_SCHEME.test(url)).toBe(false);
    },
  );
});
