// Managed-login resources of app clients: terms documents and branding styles.
import type { Operation } from '../../operation.js';
import { createManagedLoginBranding } from './create-managed-login-branding.js';
import { createTerms } from './create-terms.js';
import { deleteManagedLoginBranding } from './delete-managed-login-branding.js';
import { deleteTerms } from './delete-terms.js';
import { describeManagedLoginBranding } from './describe-managed-login-branding.js';
import { describeManagedLoginBrandingByClient } from './describe-managed-login-branding-by-client.js';
import { describeTerms } from './describe-terms.js';
import { describeTermsByClient } from './describe-terms-by-client.js';
import { listTerms } from './list-terms.js';
import { updateManagedLoginBranding } from './update-managed-login-branding.js';
import { updateTerms } from './update-terms.js';

export const MANAGED_LOGIN_OPERATIONS: Record<string, Operation> = {
  CreateTerms: createTerms,
  DescribeTerms: describeTerms,
  DescribeTermsByClient: describeTermsByClient,
  ListTerms: listTerms,
  UpdateTerms: updateTerms,
  DeleteTerms: deleteTerms,
  CreateManagedLoginBranding: createManagedLoginBranding,
  DescribeManagedLoginBranding: describeManagedLoginBranding,
  DescribeManagedLoginBrandingByClient: describeManagedLoginBrandingByClient,
  UpdateManagedLoginBranding: updateManagedLoginBranding,
  DeleteManagedLoginBranding: deleteManagedLoginBranding,
};
