// Sets and clears the staff cookie (`__Host-epns-staff`) from server actions.
import "server-only";
import { cookies } from "next/headers";
import { staffSessionCookie } from "@/server/staff-sessions/session-policy";

export async function setStaffCookie(token: string): Promise<void> {
  const { name, options } = staffSessionCookie();
  (await cookies()).set(name, token, options);
}

export async function clearStaffCookie(): Promise<void> {
  const { name, options } = staffSessionCookie();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}
