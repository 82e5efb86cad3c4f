import { correctionFeedRoute } from '@/app/(feeds)/respond';

export const dynamic = 'force-dynamic';

export const GET = correctionFeedRoute<{ slug: string }>('rss', ({ slug }) => ({ kind: 'article', slug }));
