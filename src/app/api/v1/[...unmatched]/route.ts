// Any other /api/v1 path answers in the API's error shape instead of an HTML page.
import { apiErrorResponse } from "~/server/http/error-response";

const notFound = () => apiErrorResponse("NOT_FOUND", "No such API route. See /api/v1/openapi.json.");

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
