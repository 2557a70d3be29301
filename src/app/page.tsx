import { redirect } from "next/navigation";
import { getServerAuthSession } from "~/server/auth";

export default async function Home() {
  redirect((await getServerAuthSession()) ? "/chips" : "/login");
}
