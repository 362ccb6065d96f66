// Pool-level settings kept beside the pool: tags, log delivery, threat-protection risk
// configuration, UI customization, and the signing certificate.
import type { Operation } from '../../operation.js';
import { getLogDeliveryConfiguration, setLogDeliveryConfiguration } from './log-delivery.js';
import { describeRiskConfiguration, setRiskConfiguration } from './risk-configuration.js';
import { getSigningCertificate } from './get-signing-certificate.js';
import { listTagsForResource, tagResource, untagResource } from './tags.js';
import { getUICustomization, setUICustomization } from './ui-customization.js';

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
