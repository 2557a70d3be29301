// GET /api/v1/chips/{id}/qr – the chip's current QR code as a base64 PNG
import { getChipQr } from "~/server/chips";
import { withApiKey } from "~/server/http/with-api-key";
import { getChipQrRoute } from "~/server/http/v1/chip-routes";

export const GET = withApiKey(getChipQrRoute, ({ userId, params }) => getChipQr({ userId, chipId: params.id }));
