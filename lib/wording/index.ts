// House-style wording: dates, notices under articles, and the column's items.
export * from './column';
export * from './dates';
export * from './notices';
