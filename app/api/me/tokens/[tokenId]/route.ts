import { route } from "@/app/_server/route";
import { revokePersonalToken } from "@/lib/apiTokens/revokeToken";
import { TokenRef } from "@/lib/apiTokens/schema";

// DELETE /api/me/tokens/:tokenId — revoke one of one's own API tokens (at once; again changes nothing)
export const DELETE = route(TokenRef, revokePersonalToken, { params: ({ tokenId }) => ({ tokenId }) });
