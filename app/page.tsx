import { redirect } from "next/navigation";
import { getServerAuthSession } from "@/server/auth/session";

export default async function Home() {
  redirect((await getServerAuthSession()) ? "/uebersicht" : "/login");
}
