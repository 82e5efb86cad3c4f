'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="not-found">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you saved has been lost.</p>
      <button type="button" onClick={() => reset()}>
        Try again
      </button>
    </div>
  );
}
