import type { VFile } from 'vfile';

/** Astro's per-file data: the frontmatter it parsed, which our plugins read and extend. */
export interface AstroFileData {
  frontmatter: Record<string, unknown>;
}

export function astroData(file: VFile): AstroFileData {
  const data = file.data as { astro?: Partial<AstroFileData> };
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  return data.astro as AstroFileData;
}

/** A path relative to the project, so build errors name the file the editor opened. */
export function displayPath(file: VFile): string {
  // Typed `string`, but undefined for a VFile made without one.
  const path = (file.path as string | undefined) ?? '(unknown file)';
  const cwd = process.cwd();
  return path.startsWith(cwd) ? path.slice(cwd.length + 1) : path;
}

/**
 * `path:line` for a line of the rendered body. Positions count from the body's first line;
 * the article file has its frontmatter before it, so the renderer records where the body
 * starts (`file.data.bodyLine`) and errors point at the line the editor sees.
 */
export function placeOf(file: VFile, line: number | undefined): string {
  return line ? `${displayPath(file)}:${fileLineOf(file, line)}` : displayPath(file);
}

/** The line in the article file of a line of its body. */
export function fileLineOf(file: VFile, line: number): number {
  return line + ((file.data as { bodyLine?: number }).bodyLine ?? 1) - 1;
}
