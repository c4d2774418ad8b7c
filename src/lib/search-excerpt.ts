/**
 * Tidies a search result's passage for reading. Pagefind cuts a window of words from the page's
 * indexed text, from which citation markers and typeset math are left out; what remains can
 * carry a space before punctuation where such an element stood ("latency . Algorithm"), may
 * open with the page's own title (already shown above it), and is cut mid-sentence without
 * saying so. Works on segments (plain or highlighted text) so the highlights survive.
 */
export interface ExcerptSegment {
  text: string;
  /** A matched word, shown highlighted. */
  mark: boolean;
}

const ELLIPSIS = '…';
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Removes `count` characters from the start of the segments. */
function dropChars(segments: ExcerptSegment[], count: number): ExcerptSegment[] {
  let left = count;
  const out: ExcerptSegment[] = [];
  for (const segment of segments) {
    if (left >= segment.text.length) {
      left -= segment.text.length;
      continue;
    }
    out.push({ ...segment, text: segment.text.slice(left) });
    left = 0;
  }
  return out;
}

/** How many leading characters of `text` spell `prefix` (ignoring case and runs of spaces), or 0. */
function prefixLength(text: string, prefix: string): number {
  const wanted = normalise(prefix);
  if (!wanted) return 0;
  let i = 0;
  let j = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  while (i < text.length && j < wanted.length) {
    if (/\s/.test(text[i]!)) {
      if (wanted[j] !== ' ') return 0;
      while (i < text.length && /\s/.test(text[i]!)) i++;
      j++;
      continue;
    }
    if (text[i]!.toLowerCase() !== wanted[j]) return 0;
    i++;
    j++;
  }
  return j === wanted.length ? i : 0;
}

/**
 * How much of the start of `text` repeats `shown`: all of it, or its tail when Pagefind's
 * window opened partway through it ("to model drift: make monitoring…" for a title). A tail
 * counts from a word boundary and only when long enough not to match by chance.
 */
function repeatedLength(text: string, shown: string): number {
  const whole = prefixLength(text, shown);
  if (whole > 0) return whole;
  const words = shown.trim().split(/\s+/);
  for (let start = 1; start < words.length; start++) {
    const tail = words.slice(start).join(' ');
    if (words.length - start < 3 || tail.length < 20) break;
    const length = prefixLength(text, tail);
    if (length > 0) return length;
  }
  return 0;
}

export function tidyExcerpt(input: ExcerptSegment[], repeated: string[] = []): ExcerptSegment[] {
  let segments = input.filter((s) => s.text !== '');
  // Leading text that repeats what the result already shows (its kicker, its title).
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of repeated) {
      const length = repeatedLength(segments.map((s) => s.text).join(''), prefix);
      if (length === 0) continue;
      segments = dropChars(segments, length);
      // The separator Pagefind left after it (". " between the title and the dek).
      const rest = segments.map((s) => s.text).join('');
      segments = dropChars(segments, rest.length - rest.replace(/^[\s.:;,–—-]+/, '').length);
      changed = true;
    }
  }
  // Orphaned spaces: before punctuation, and runs of spaces, across segment boundaries.
  const tidied: ExcerptSegment[] = [];
  for (const segment of segments) {
    let text = segment.text.replace(/\s+/g, ' ');
    const previous = tidied.at(-1);
    if (previous && previous.text.endsWith(' ') && /^[ ,.;:!?)]/.test(text)) {
      previous.text = previous.text.replace(/ +$/, '');
      if (text.startsWith(' ')) text = text.replace(/^ +/, ' ');
    }
    text = text.replace(/ +([,.;:!?)])/g, '$1').replace(/ {2,}/g, ' ');
    tidied.push({ ...segment, text });
  }
  let out = tidied.filter((s) => s.text !== '');
  if (out.length === 0) return out;
  out[0] = { ...out[0]!, text: out[0]!.text.replace(/^[\s,.;:!?)]+/, '') };
  const last = out.at(-1)!;
  out[out.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  out = out.filter((s) => s.text !== '');
  if (out.length === 0) return out;
  // Say where the passage was cut: it starts mid-sentence, or stops before the sentence ends.
  if (/^[a-z]/.test(out[0]!.text)) out.unshift({ text: `${ELLIPSIS} `, mark: false });
  if (!/[.!?…"”’)]$/.test(out.at(-1)!.text)) out.push({ text: ` ${ELLIPSIS}`, mark: false });
  return out;
}
