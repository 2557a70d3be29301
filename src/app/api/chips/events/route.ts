// GET /api/chips/events – Server-Sent Events with the live status of all the signed-in user's chips
import { getServerAuthSession } from "~/server/auth";
import { openUserChipEventStream } from "~/server/chips";
import { apiErrorResponse } from "~/server/http/error-response";
import { sseResponse } from "../sse-response";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const session = await getServerAuthSession();
  if (!session?.user?.id) return apiErrorResponse("UNAUTHORIZED", "not_signed_in");
  return sseResponse(openUserChipEventStream({ userId: session.user.id, signal: req.signal }));
}
