// TermsType (CreateTerms, DescribeTerms, DescribeTermsByClient, UpdateTerms).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TermsType.html
import type { TermsType } from '@aws-sdk/client-cognito-identity-provider';
import type { TermsRecord } from '../../../domain/model.js';
import type { Wire } from '../../operation.js';
import { seconds } from '../../serialize.js';

export const termsType = (t: TermsRecord): Wire<TermsType> => ({
  TermsId: t.TermsId,
  UserPoolId: t.UserPoolId,
  ClientId: t.ClientId,
  TermsName: t.TermsName,
  TermsSource: t.TermsSource,
  Enforcement: t.Enforcement,
  Links: t.Links,
  CreationDate: seconds(t.CreationDate),
  LastModifiedDate: seconds(t.LastModifiedDate),
});
