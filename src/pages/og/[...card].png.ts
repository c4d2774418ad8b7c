/** Share cards: one PNG per article and one for the publication (src/lib/share-card/). */
import type { APIRoute } from 'astro';
import { getArticles } from '../../lib/content.ts';
import type { CardInput } from '../../lib/share-card/card.ts';
import { cachedCard } from '../../lib/share-card/cache.ts';
import { articleCardRoute, siteCardRoute } from '../../lib/share-card/index.ts';

export async function getStaticPaths() {
  const routes = [siteCardRoute(), ...(await getArticles()).map(articleCardRoute)];
  return routes.map(({ card, input }) => ({ params: { card }, props: { input } }));
}

export const GET: APIRoute<{ input: CardInput }> = async ({ props }) =>
  new Response(new Uint8Array((await cachedCard(props.input)).png), {
    headers: { 'Content-Type': 'image/png' },
  });
