/**
 * What makes a text alternative useless, for images and diagrams alike: missing, a file name,
 * or a placeholder word. One rule, used by the content lint and the renderer.
 */

/** Above this, alt text is a caption in disguise: screen readers cannot skim it. */
export const ALT_TEXT_MAX = 250;

const PLACEHOLDERS = new Set([
  'image',
  'img',
  'picture',
  'photo',
  'figure',
  'fig',
  'diagram',
  'chart',
  'graph',
  'screenshot',
  'screen shot',
  'illustration',
  'icon',
  'logo',
  'alt',
  'alt text',
  'placeholder',
  'todo',
  'tbd',
  'untitled',
]);

const FILE_NAME = /^[\w.-]+\.(png|jpe?g|gif|webp|avif|svg|tiff?|bmp)$/i;

export interface AltTextFinding {
  severity: 'error' | 'warning';
  message: string;
}

/** Why `alt` is not a usable text alternative (`what` names the thing: "image", "diagram"). */
export function altTextProblem(alt: string | undefined, what: string): AltTextFinding | undefined {
  const text = (alt ?? '').trim();
  if (!text)
    return {
      severity: 'error',
      message: `${what} has no alt text. Describe what it shows for readers who cannot see it (one or two sentences).`,
    };
  if (FILE_NAME.test(text))
    return {
      severity: 'error',
      message: `alt text "${text}" is a file name. Describe what the ${what} shows instead.`,
    };
  if (PLACEHOLDERS.has(text.toLowerCase().replace(/[.:!]+$/, '')))
    return {
      severity: 'error',
      message: `alt text "${text}" is a placeholder. Describe what the ${what} shows instead.`,
    };
  if (text.length > ALT_TEXT_MAX)
    return {
      severity: 'warning',
      message: `alt text is ${text.length} characters (over ${ALT_TEXT_MAX}): keep it to what the ${what} shows and move the rest into the caption.`,
    };
  return undefined;
}
