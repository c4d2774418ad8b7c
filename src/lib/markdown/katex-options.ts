import type { KatexOptions } from 'katex';

/**
 * One KaTeX configuration for rendering and for the content lint. Untrusted input rules:
 * no \href/\url/\includegraphics (trust off), bounded macro expansion and sizes.
 * Strict-mode findings (LaTeX-incompatible but renderable input) are reported by the content
 * lint as warnings with file and expression, so the renderer ignores them.
 */
export const katexOptions = {
  trust: false,
  maxExpand: 1000,
  maxSize: 50,
  strict: 'ignore',
  throwOnError: false,
  // KaTeX's default, set here because rehype-math-errors finds refused commands by this colour.
  errorColor: '#cc0000',
  output: 'htmlAndMathml',
} as const satisfies KatexOptions;
