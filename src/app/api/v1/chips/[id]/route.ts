// GET /api/v1/chips/{id} – one chip; DELETE /api/v1/chips/{id} – remove it
import { getChip, removeChip } from "~/server/chips";
import { withApiKey } from "~/server/http/with-api-key";
import { deleteChipRoute, getChipRoute } from "~/server/http/v1/chip-routes";

export const GET = withApiKey(getChipRoute, ({ userId, params }) => getChip({ userId, chipId: params.id }));

export const DELETE = withApiKey(deleteChipRoute, async ({ userId, params }) => {
  await removeChip({ userId, chipId: params.id });
});
