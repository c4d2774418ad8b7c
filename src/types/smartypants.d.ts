/** The `smartypants` package ships no type declarations; this is the part we use. */
declare module 'smartypants' {
  /** Applies SmartyPants rules (`attr`, e.g. 'qDe') and returns Unicode characters, not entities. */
  export function smartypantsu(text: string, attr?: string | number): string;
}
