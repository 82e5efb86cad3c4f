import { correctionFeedRoute } from '@/app/(feeds)/respond';

export const dynamic = 'force-dynamic';

export const GET = correctionFeedRoute('rss', () => ({ kind: 'all' }));
