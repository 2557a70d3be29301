// GET /api/v1/chips – the key's user's chips; POST /api/v1/chips – create one
import { createChip, listChips } from "~/server/chips";
import { withApiKey } from "~/server/http/with-api-key";
import { createChipRoute, listChipsRoute } from "~/server/http/v1/chip-routes";

export const GET = withApiKey(listChipsRoute, async ({ userId }) => ({ chips: await listChips({ userId }) }));

export const POST = withApiKey(createChipRoute, ({ userId, body }) => createChip({ userId, label: body.label }));
