// Progress lines of `npm run bench`, on stderr so that stdout carries only the
// results table; long steps print a line every few seconds.

export function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** Runs work, printing `status()` every `everyMs` until it ends. */
export async function withTicker<T>(work: () => Promise<T>, status: () => Promise<string>, everyMs = 5_000): Promise<T> {
  const timer = setInterval(() => {
    status().then(
      (line) => progress(`  … ${line}`),
      () => undefined,
    );
  }, everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** Seconds of wall time taken by work. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}
