// House-style wording: dates, notices under articles, the column's items and its plain text.
export * from './column-items';
export { noticeWording, quotedAlike, resolveParts, splitWording, stripSaidOpening, type WordingParts } from './compose';
export * from './column-text';
export * from './dates';
export * from './notices';
export * from './text';
