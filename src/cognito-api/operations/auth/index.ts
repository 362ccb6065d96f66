import type { Operation } from '../../operation.js';
import { adminInitiateAuth } from './admin-initiate-auth.js';
import { adminRespondToAuthChallenge } from './admin-respond-to-auth-challenge.js';
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.js';
import { initiateAuth } from './initiate-auth.js';
import { respondToAuthChallenge } from './respond-to-auth-challenge.js';

export const AUTH_OPERATIONS: Record<string, Operation> = {
  AdminInitiateAuth: adminInitiateAuth,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
};
