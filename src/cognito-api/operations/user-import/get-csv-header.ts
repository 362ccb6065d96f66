// GetCSVHeader: the columns of the CSV file a user import job takes (csv.ts).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetCSVHeader.html
import type { GetCSVHeaderResponse } from '@aws-sdk/client-cognito-identity-provider';
import { requiredString } from '../../input.js';
import { poolOrThrow } from '../../lookup.js';
import type { Operation, Wire } from '../../operation.js';
import { CSV_HEADER } from './csv.js';

export const getCSVHeader: Operation<'store'> =
  ({ store }) =>
  async (input) => {
    const pool = poolOrThrow(store, requiredString(input, 'UserPoolId', 55));
    return { UserPoolId: pool.Id, CSVHeader: [...CSV_HEADER] } satisfies Wire<GetCSVHeaderResponse>;
  };
