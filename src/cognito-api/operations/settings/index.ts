// Pool-level settings kept beside the pool: tags, log delivery, threat-protection risk
// configuration, UI customization, and the signing certificate.
import type { Operation } from '../../operation.js';
import { describeRiskConfiguration } from './describe-risk-configuration.js';
import { getLogDeliveryConfiguration } from './get-log-delivery-configuration.js';
import { getSigningCertificate } from './get-signing-certificate.js';
import { getUICustomization } from './get-ui-customization.js';
import { listTagsForResource } from './list-tags-for-resource.js';
import { setLogDeliveryConfiguration } from './set-log-delivery-configuration.js';
import { setRiskConfiguration } from './set-risk-configuration.js';
import { setUICustomization } from './set-ui-customization.js';
import { tagResource } from './tag-resource.js';
import { untagResource } from './untag-resource.js';

export const SETTINGS_OPERATIONS: Record<string, Operation> = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  SetLogDeliveryConfiguration: setLogDeliveryConfiguration,
  GetLogDeliveryConfiguration: getLogDeliveryConfiguration,
  SetRiskConfiguration: setRiskConfiguration,
  DescribeRiskConfiguration: describeRiskConfiguration,
  SetUICustomization: setUICustomization,
  GetUICustomization: getUICustomization,
  GetSigningCertificate: getSigningCertificate,
};
