import { correctionFeedRoute, safeDecode } from '@/app/(feeds)/respond';

export const dynamic = 'force-dynamic';

export const GET = correctionFeedRoute<{ section: string }>('atom', ({ section }) => ({ kind: 'section', section: safeDecode(section) }));
