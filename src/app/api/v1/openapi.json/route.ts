// GET /api/v1/openapi.json – the OpenAPI 3.1 document, public so tools can import it without a key
import { v1OpenApiDocument } from "~/server/http/v1";

export function GET() {
  return Response.json(v1OpenApiDocument(), { headers: { "Cache-Control": "no-cache" } });
}
