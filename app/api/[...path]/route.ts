import { unknownApiPath } from "@/lib/http/fallback";

// Any /api path no route handler claims: a 404 in the API's error shape, not Next's HTML page.
export const { GET, POST, PUT, PATCH, DELETE } = unknownApiPath();
