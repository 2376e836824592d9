"use client";
// While a batch is being published, the page asks the server again every few
// seconds (with JavaScript). Without JavaScript, the page's "refresh" link does
// the same; no <meta http-equiv="refresh">: a timed reload the user cannot
// stop fails WCAG 2.2.1 (and axe's meta-refresh rule).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
