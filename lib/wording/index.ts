// House-style wording: dates, notices under articles, and (with the column) its items.
export * from './dates';
export * from './notices';
