/**
 * The rules for an article's images, checked by the content lint before anything is built
 * (and so by the build, whose loader runs the same lint). Each finding names the line, what
 * was found and the fix. Image files live beside the article, in its folder.
 */
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import sharp from 'sharp';
import { site } from '../../site.config.ts';
import { altTextProblem } from './alt-text.ts';
import { USED_WITH_PERMISSION } from './credits.ts';

/** Formats Astro's image service turns into AVIF/WebP (raster) or serves as they are (SVG). */
export const RASTER_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.avif'];
export const IMAGE_EXTENSIONS = [...RASTER_EXTENSIONS, '.svg'];

/** SPDX licence ids (the package is a JSON list; require keeps it one line). */
const SPDX = new Set<string>(createRequire(import.meta.url)('spdx-license-ids') as string[]);

/** An image as written in the article: a Markdown image or a <Figure>. */
export interface ImageReference {
  /** Line in the article file. */
  line: number;
  /** `image` for Markdown `![…](…)`, `<Figure>` for the component. */
  field: string;
  src: string;
  alt?: string;
  srcDark?: string;
  credit?: string;
  license?: string;
  sourceUrl?: string;
}

export interface ImageFinding {
  severity: 'error' | 'warning';
  line: number;
  field: string;
  message: string;
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Every file in the article's folder, relative to it, for "did you mean". */
async function filesBeside(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

export interface ImageFacts {
  width: number;
  height: number;
}

/**
 * Checks one path (src or srcDark). Returns the image's dimensions when it is usable, so the
 * caller can compare a dark variant with its light one.
 */
async function checkFile(
  ref: ImageReference,
  attribute: 'src' | 'srcDark',
  folder: string | undefined,
  report: (message: string) => void,
): Promise<ImageFacts | undefined> {
  const value = ref[attribute]!;
  const name = ref.field === 'image' ? 'the image' : `${attribute}="${value}"`;
  if (REMOTE.test(value)) {
    report(
      `${name} is a remote URL (${value}). Download the file into the article's folder and write its relative path, e.g. ./${basename(value.split(/[?#]/)[0]!) || 'figure.png'}: remote images leak readers to a third party, break the site's content security policy, and disappear when the host changes.`,
    );
    return undefined;
  }
  if (value.startsWith('/')) {
    report(
      `${name} "${value}" is an absolute path. Put the file beside the article and write ./${basename(value)}.`,
    );
    return undefined;
  }
  if (!folder) {
    report(
      `images live beside their article, in its folder: move this article to content/articles/<slug>/index.mdx and put "${value}" in that folder.`,
    );
    return undefined;
  }
  const extension = extname(value).toLowerCase();
  if (!IMAGE_EXTENSIONS.includes(extension)) {
    report(
      `"${value}" has an unsupported format (${extension || 'no extension'}). Use PNG, JPEG, WebP or AVIF for pictures and SVG for drawings.`,
    );
    return undefined;
  }
  const path = resolve(folder, value);
  if (!path.startsWith(folder + '/')) {
    report(`"${value}" is outside the article's folder. Copy the file beside the article.`);
    return undefined;
  }
  let bytes: number;
  try {
    bytes = (await stat(path)).size;
  } catch {
    const files = (await filesBeside(folder)).filter((f) =>
      IMAGE_EXTENSIONS.includes(extname(f).toLowerCase()),
    );
    const wanted = value.replace(/^\.\//, '');
    const near = files.length ? closest(wanted, files) : undefined;
    const hint =
      near && distance(wanted, near) <= Math.max(3, wanted.length / 3)
        ? ` Did you mean "./${near}"?`
        : files.length
          ? ` Images in the folder: ${files.map((f) => `./${f}`).join(', ')}.`
          : ' The folder has no images yet.';
    report(`"${value}" does not exist beside the article.${hint}`);
    return undefined;
  }
  const { maxBytes, maxSide } = site.images;
  if (bytes > maxBytes) {
    report(
      `"${value}" is ${megabytes(bytes)}, over the ${megabytes(maxBytes)} limit for originals. Export it smaller (at most ${maxSide} px on its long side is plenty) or compress it.`,
    );
  }
  let facts: ImageFacts;
  try {
    const meta = await sharp(path).metadata();
    facts = { width: meta.width, height: meta.height };
  } catch (error) {
    report(
      `"${value}" cannot be read as an image (${error instanceof Error ? error.message : String(error)}). Export it again.`,
    );
    return undefined;
  }
  if (extension !== '.svg' && Math.max(facts.width, facts.height) > maxSide) {
    report(
      `"${value}" is ${facts.width}×${facts.height} px, over the ${maxSide} px limit for the long side. Resize it: readers never see more than ${site.images.widths.at(-1)} px.`,
    );
  }
  return facts;
}

/** Checks every image reference of one article. `folder` is the article's folder, if it has one. */
export async function checkImages(
  refs: readonly ImageReference[],
  folder: string | undefined,
): Promise<ImageFinding[]> {
  const findings: ImageFinding[] = [];
  for (const ref of refs) {
    const report = (message: string, severity: ImageFinding['severity'] = 'error') =>
      findings.push({ severity, line: ref.line, field: ref.field, message });
    const alt = altTextProblem(ref.alt, 'image');
    if (alt) report(alt.message, alt.severity);
    const light = await checkFile(ref, 'src', folder, report);
    if (ref.srcDark !== undefined) {
      const dark = await checkFile(ref, 'srcDark', folder, report);
      if (light && dark && (light.width !== dark.width || light.height !== dark.height)) {
        report(
          `srcDark="${ref.srcDark}" is ${dark.width}×${dark.height} px but src is ${light.width}×${light.height} px. Export both at the same size, or the page would jump when the scheme changes.`,
        );
      }
    }
    if (ref.credit && !ref.license) {
      report(
        `credit="${ref.credit}" has no license. Add license="CC-BY-4.0" (an SPDX id) or license="${USED_WITH_PERMISSION}".`,
      );
    }
    if (ref.license && !ref.credit) {
      report(`license="${ref.license}" has no credit. Add credit="…" naming the author or owner.`);
    }
    if (ref.license && ref.license !== USED_WITH_PERMISSION && !SPDX.has(ref.license)) {
      const near = closest(ref.license, [...SPDX, USED_WITH_PERMISSION]);
      report(
        `license="${ref.license}" is not an SPDX licence id (https://spdx.org/licenses/). Did you mean "${near}"? Use "${USED_WITH_PERMISSION}" for material used by permission.`,
      );
    }
    if (ref.sourceUrl !== undefined && !ref.credit) {
      report(`sourceUrl is set but credit is not: say whose work it is with credit="…" and license="…".`);
    }
    if (ref.sourceUrl !== undefined && !/^https?:\/\//.test(ref.sourceUrl)) {
      report(`sourceUrl="${ref.sourceUrl}" must be an http(s) address of the original.`);
    }
  }
  return findings;
}

/** The folder of a folder article (`…/<slug>/index.mdx`), or undefined for a single file. */
export function articleFolderOf(path: string): string | undefined {
  return /^index\.mdx?$/.test(basename(path)) ? dirname(path) : undefined;
}
