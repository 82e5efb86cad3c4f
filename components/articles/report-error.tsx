'use client';
// On a reader's article: select words, then "Report an error" opens the report form with them.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { selectedWords, type SelectedWords } from './selection';

export function ReportErrorLink({ slug, version }: { slug: string; version: number }) {
  const [words, setWords] = useState<SelectedWords | null>(null);
  useEffect(() => {
    const onChange = () => {
      const body = document.querySelector<HTMLElement>('.article .article-body');
      setWords(body ? selectedWords(body) : null);
    };
    document.addEventListener('selectionchange', onChange);
    // Words a reader selected before the page came to life (a slow phone) count too.
    onChange();
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);
  const base = `/articles/${slug}/report?v=${version}`;
  const href = words ? `${base}&s=${words.start}&e=${words.end}&q=${encodeURIComponent(words.text.slice(0, 1000))}` : base;
  return (
    <p className={words ? 'report-error report-error-active' : 'report-error'}>
      <Link href={href} prefetch={false}>
        Report an error{words ? ` in “${words.text.trim().slice(0, 60)}${words.text.trim().length > 60 ? '…' : ''}”` : ''}
      </Link>
    </p>
  );
}
