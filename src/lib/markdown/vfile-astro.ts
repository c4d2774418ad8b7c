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
  const path = file.path ?? '(unknown file)';
  const cwd = process.cwd();
  return path.startsWith(cwd) ? path.slice(cwd.length + 1) : path;
}
