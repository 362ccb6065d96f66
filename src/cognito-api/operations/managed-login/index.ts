// Managed-login resources of app clients: terms documents and branding styles.
import type { Operation } from '../../operation.js';
import {
  createManagedLoginBranding,
  deleteManagedLoginBranding,
  describeManagedLoginBranding,
  describeManagedLoginBrandingByClient,
  updateManagedLoginBranding,
} from './branding.js';
import { createTerms, deleteTerms, describeTerms, describeTermsByClient, listTerms, updateTerms } from './terms.js';

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
