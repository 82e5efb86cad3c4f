// One chart as the standards pages show it: a caption, the sentence that says what it shows (the
// SVG's accessible name), the SVG itself, and the same figures as a table a click away. Server
// rendered: <details> opens without JavaScript.
import type { ReactNode } from 'react';

export interface ChartImageProps {
  role: 'img';
  'aria-labelledby': string;
}

export function ChartFigure({ id, title, summary, table, children }: { id: string; title: string; summary: string; table: ReactNode; children: (image: ChartImageProps) => ReactNode }) {
  const summaryId = `${id}-summary`;
  return (
    <figure className="chart" id={id}>
      <figcaption>{title}</figcaption>
      <p className="chart-summary" id={summaryId}>
        {summary}
      </p>
      {children({ role: 'img', 'aria-labelledby': summaryId })}
      <details className="chart-table">
        <summary>The figures as a table</summary>
        {table}
      </details>
    </figure>
  );
}
