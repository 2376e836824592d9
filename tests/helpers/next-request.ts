// Server actions run in tests as Next.js runs them: the request's cookies and
// headers stood in for by a jar, next-auth's getServerSession reading the
// session cookie through our own options, redirect() thrown with its URL and
// next/server's after() tasks collected so a test runs them once the
// "response" is given (the rest of next/server is the real module). Import this module before the actions (dynamic import).
import { vi } from "vitest";

export const jar = new Map<string, string>();
/** What the actions hand to next/server's after(). */
export const afterTasks: Array<() => unknown> = [];

vi.mock("server-only", () => ({}));
// NextResponse and NextRequest stay Next's own: route handlers build their answers with them.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  connection: async () => undefined,
  after: (task: () => unknown) => void afterTasks.push(task),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "203.0.113.77" }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}));
// Pages are rendered per request anyway; there is no cache to drop outside Next.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${url}`), { url });
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("next-auth", () => ({
  getServerSession: async (options: { cookies: { sessionToken: { name: string } }; jwt: { decode: (p: { token: string }) => Promise<unknown> }; callbacks: { session: (p: { token: unknown }) => Promise<unknown> } }) => {
    const token = jar.get(options.cookies.sessionToken.name);
    const decoded = token ? await options.jwt.decode({ token }) : null;
    return decoded ? options.callbacks.session({ token: decoded }) : null;
  },
}));

/** What an action gave: its state, or the redirect it threw. */
export async function outcome(action: () => Promise<unknown>): Promise<{ redirect?: string; state?: Record<string, unknown> }> {
  try {
    return { state: (await action()) as Record<string, unknown> };
  } catch (error) {
    const url = (error as { url?: string }).url;
    if (url) return { redirect: url };
    throw error;
  }
}
