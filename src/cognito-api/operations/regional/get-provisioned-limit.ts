// GetProvisionedLimit: the account's API rate of one category in the caller's region; the free
// rate until UpdateProvisionedLimit raised it.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetProvisionedLimit.html
import type { Operation } from '../../operation.js';
import { limitOf } from './limit-definition-input.js';
import { limitType } from './limit-type.js';

export const getProvisionedLimit: Operation<'store'> =
  ({ store }) =>
  async (input, ctx) =>
    limitType(store, limitOf(input, ctx));
