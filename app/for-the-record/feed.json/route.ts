import { editionFeedRoute } from '@/app/(feeds)/respond';

export const dynamic = 'force-dynamic';

export const GET = editionFeedRoute('json');
