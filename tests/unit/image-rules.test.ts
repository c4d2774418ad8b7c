/**
 * Every image rule, planted one at a time in a folder article of the valid fixture, with the
 * message the editor sees asserted: file, line, what was found and the fix.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content-lint/index.ts';
import { validTree, type ContentTree } from './helpers/content-tree.ts';

const ARTICLE = 'articles/feature-store-latency/index.mdx';
const FILE = `content/${ARTICLE}`;

async function png(path: string, width: number, height: number) {
  await mkdir(join(path, '..'), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: '#4a7' } })
    .png()
    .toFile(path);
}

/** The fixture article as a folder with one image, and `figure` appended to its body. */
async function folderArticle(figure: string): Promise<ContentTree> {
  const tree = await validTree();
  const text = await tree.read('articles/feature-store-latency.mdx');
  await tree.remove('articles/feature-store-latency.mdx');
  await tree.write(ARTICLE, `${text}\n${figure}\n`);
  await png(join(tree.content, 'articles/feature-store-latency/read-path.png'), 800, 450);
  return tree;
}

/** The problems of the folder article, formatted as the CLI prints them. */
async function problems(tree: ContentTree): Promise<string[]> {
  const { problems } = await tree.lint();
  return problems.filter((p) => p.file === FILE).map(formatProblem);
}

/** Line of the appended figure: the last line of the article. */
async function lastLine(tree: ContentTree): Promise<number> {
  return (await tree.read(ARTICLE)).trimEnd().split('\n').length;
}

const GOOD = '<Figure src="./read-path.png" alt="Reads go to memory first and to disk on a miss." />';

describe('image rules', () => {
  it('accept a good figure and a good Markdown image', async () => {
    const tree = await folderArticle(`${GOOD}\n\n![The read path, from cache to disk.](./read-path.png)`);
    expect(await problems(tree)).toEqual([]);
  });

  it('refuse a missing alt text', async () => {
    const tree = await folderArticle('<Figure src="./read-path.png" />');
    expect(await problems(tree)).toEqual([
      `error ${FILE}:${await lastLine(tree)} <Figure>: image has no alt text. Describe what it shows for readers who cannot see it (one or two sentences).`,
    ]);
  });

  it('refuse a file name or a placeholder as alt text', async () => {
    const tree = await folderArticle('![read-path.png](./read-path.png)\n\n![Screenshot](./read-path.png)');
    const line = await lastLine(tree);
    expect(await problems(tree)).toEqual([
      `error ${FILE}:${line - 2} image: alt text "read-path.png" is a file name. Describe what the image shows instead.`,
      `error ${FILE}:${line} image: alt text "Screenshot" is a placeholder. Describe what the image shows instead.`,
    ]);
  });

  it('warn about alt text over 250 characters', async () => {
    const tree = await folderArticle(`![${'A long description. '.repeat(14)}](./read-path.png)`);
    const [finding] = await problems(tree);
    expect(finding).toMatch(
      /^warning .* image: alt text is 2\d\d characters \(over 250\): .* move the rest into the caption\.$/,
    );
  });

  it('refuse a misspelled file, suggesting the nearest name', async () => {
    const tree = await folderArticle('<Figure src="./read-pth.png" alt="Reads go to memory first." />');
    expect(await problems(tree)).toEqual([
      `error ${FILE}:${await lastLine(tree)} <Figure>: "./read-pth.png" does not exist beside the article. Did you mean "./read-path.png"?`,
    ]);
  });

  it('refuse a remote image, saying why and what to do', async () => {
    const tree = await folderArticle('![Reads go to memory first.](https://example.com/img/read-path.png)');
    const [finding] = await problems(tree);
    expect(finding).toBe(
      `error ${FILE}:${await lastLine(tree)} image: the image is a remote URL (https://example.com/img/read-path.png). Download the file into the article's folder and write its relative path, e.g. ./read-path.png: remote images leak readers to a third party, break the site's content security policy, and disappear when the host changes.`,
    );
  });

  it('refuse an unsupported format', async () => {
    const tree = await folderArticle('<Figure src="./anim.gif" alt="An animation of the read path." />');
    await writeFile(join(tree.content, 'articles/feature-store-latency/anim.gif'), 'GIF89a');
    expect(await problems(tree)).toEqual([
      `error ${FILE}:${await lastLine(tree)} <Figure>: "./anim.gif" has an unsupported format (.gif). Use PNG, JPEG, WebP or AVIF for pictures and SVG for drawings.`,
    ]);
  });

  it('refuse an original over the size limits, saying which', async () => {
    const tree = await folderArticle('<Figure src="./huge.png" alt="The read path at poster size." />');
    await png(join(tree.content, 'articles/feature-store-latency/huge.png'), 4200, 300);
    expect(await problems(tree)).toEqual([
      `error ${FILE}:${await lastLine(tree)} <Figure>: "./huge.png" is 4200×300 px, over the 4000 px limit for the long side. Resize it: readers never see more than 1600 px.`,
    ]);
  });

  it('refuse images in a single-file article', async () => {
    const tree = await validTree();
    await tree.edit(
      'articles/feature-store-latency.mdx',
      'workload [@store-paper, sec. 4].',
      `workload [@store-paper, sec. 4].\n\n${GOOD}`,
    );
    const { problems: found } = await tree.lint();
    expect(found.map(formatProblem)).toContainEqual(
      expect.stringContaining(
        '<Figure>: images live beside their article, in its folder: move this article to content/articles/<slug>/index.mdx',
      ),
    );
  });

  it('refuse a credit without a licence, a licence without a credit, and an unknown licence', async () => {
    const tree = await folderArticle(
      [
        '<Figure src="./read-path.png" alt="Reads go to memory first." credit="Jane Doe" />',
        '<Figure src="./read-path.png" alt="Reads go to memory first." license="CC-BY-4.0" />',
        '<Figure src="./read-path.png" alt="Reads go to memory first." credit="Jane Doe" license="CC-BY-4" />',
      ].join('\n\n'),
    );
    const line = await lastLine(tree);
    expect(await problems(tree)).toEqual([
      `error ${FILE}:${line - 4} <Figure>: credit="Jane Doe" has no license. Add license="CC-BY-4.0" (an SPDX id) or license="used-with-permission".`,
      `error ${FILE}:${line - 2} <Figure>: license="CC-BY-4.0" has no credit. Add credit="…" naming the author or owner.`,
      `error ${FILE}:${line} <Figure>: license="CC-BY-4" is not an SPDX licence id (https://spdx.org/licenses/). Did you mean "CC-BY-4.0"? Use "used-with-permission" for material used by permission.`,
    ]);
  });

  it('refuse a dark variant of different dimensions', async () => {
    const tree = await folderArticle(
      '<Figure src="./read-path.png" srcDark="./read-path-dark.png" alt="Reads go to memory first." />',
    );
    await png(join(tree.content, 'articles/feature-store-latency/read-path-dark.png'), 800, 400);
    expect(await problems(tree)).toEqual([
      `error ${FILE}:${await lastLine(tree)} <Figure>: srcDark="./read-path-dark.png" is 800×400 px but src is 800×450 px. Export both at the same size, or the page would jump when the scheme changes.`,
    ]);
  });
});
