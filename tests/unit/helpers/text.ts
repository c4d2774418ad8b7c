/** 1-based line of the first occurrence of `needle` in `text`; throws when it is absent. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`text does not contain ${JSON.stringify(needle)}`);
  return text.slice(0, index).split('\n').length;
}
