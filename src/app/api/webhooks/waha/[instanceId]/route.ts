// POST /api/webhooks/waha/[instanceId] – receive signed WAHA events for one instance
import { receiveWahaWebhook } from "~/server/chips";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  // The raw text, read once: the HMAC covers these exact bytes.
  const rawBody = await req.text();
  const answer = await receiveWahaWebhook({
    instanceId,
    rawBody,
    headers: {
      signature: req.headers.get("x-webhook-hmac"),
      algorithm: req.headers.get("x-webhook-hmac-algorithm"),
      timestamp: req.headers.get("x-webhook-timestamp"),
    },
  });
  return Response.json(answer.body, { status: answer.status });
}
