// Pool-level settings kept beside the pool: tags, log delivery, threat-protection risk
// configuration, UI customization, and the signing certificate.
import type { Operation } from '../../operation.js';
import { getLogDeliveryConfiguration, setLogDeliveryConfiguration } from './set-log-delivery-configuration.js';
import { describeRiskConfiguration, setRiskConfiguration } from './set-risk-configuration.js';
import { getSigningCertificate } from './get-signing-certificate.js';
import { listTagsForResource, tagResource, untagResource } from './tag-resource.js';
import { getUICustomization, setUICustomization } from './set-ui-customization.js';

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
