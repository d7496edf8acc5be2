import { methodRoles } from "@/server/core/dispatch";
import { getRegistry } from "@/server/core/registry";

/** Whether a dashboard user of this role may call the method: pages show only buttons the method would accept. */
export function userMayCall(methodName: string, role: "admin" | "staff"): boolean {
  const found = getRegistry().findMethod(methodName);
  return found !== undefined && methodRoles(found.method).includes(role);
}
