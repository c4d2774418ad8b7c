/** /newsletter/feed.xml: the newsletter archive, full text. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticles, getNewsletterIssues, site } from '../../lib/content.ts';
import { feedOptions, feeds, issueItem, newestForFeed } from '../../lib/feeds.ts';
import { urls } from '../../lib/urls.ts';

export const GET: APIRoute = async () => {
  const articleTitles = new Map((await getArticles()).map((a) => [a.url, a.data.title]));
  return rss(
    feedOptions({
      feed: feeds.newsletter(),
      description: `Every issue of the ${site.name} weekly newsletter.`,
      items: newestForFeed(await getNewsletterIssues()).map((issue) =>
        issueItem(issue, urls.newsletterIssue(issue.data.number), articleTitles),
      ),
    }),
  );
};
