// Feeds of corrections and of column editions (RSS 2.0, Atom 1.0, JSON Feed 1.1) and the
// conditional-request rules their routes answer with.
export * from './build';
export * from './conditional';
export * from './items';
