// POST /api/v1/chips/{id}/messages – send a text; GET /api/v1/chips/{id}/messages – list messages, newest first
import { listChipMessages, sendChipMessage } from "~/server/chips";
import { withApiKey } from "~/server/http/with-api-key";
import { listMessagesRoute, sendMessageRoute } from "~/server/http/v1/message-routes";

export const POST = withApiKey(sendMessageRoute, ({ userId, params, body }) =>
  sendChipMessage({ userId, chipId: params.id, chatId: body.chatId, text: body.text }),
);

export const GET = withApiKey(listMessagesRoute, ({ userId, params, query }) =>
  listChipMessages({ userId, chipId: params.id, limit: query.limit, cursor: query.cursor }),
);
