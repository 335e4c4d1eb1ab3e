"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-slate-600">Please try again.{error.digest ? ` Reference: ${error.digest}` : ""}</p>
      <button className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white" onClick={reset}>Try again</button>
    </main>
  );
}
