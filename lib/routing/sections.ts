// Where a section's page lives: /sections/{section}, the name percent-encoded as one path segment.
export function sectionPath(section: string): string {
  return `/sections/${encodeURIComponent(section)}`;
}
