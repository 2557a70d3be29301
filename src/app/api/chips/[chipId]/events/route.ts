// GET /api/chips/[chipId]/events – Server-Sent Events for one chip (status, provisioning progress, live QR)
import { getServerAuthSession } from "~/server/auth";
import { openChipEventStream } from "~/server/chips";
import { apiErrorResponse, toErrorResponse } from "~/server/http/error-response";
import { sseResponse } from "../../sse-response";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ chipId: string }> }) {
  const session = await getServerAuthSession();
  if (!session?.user?.id) return apiErrorResponse("UNAUTHORIZED", "not_signed_in");
  const { chipId } = await params;
  try {
    return sseResponse(await openChipEventStream({ userId: session.user.id, chipId, signal: req.signal }));
  } catch (err) {
    return toErrorResponse(err);
  }
}
