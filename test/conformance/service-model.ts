// AWS's published service model for cognito-idp, as Debian's python3-botocore installs it
// (botocore/data/cognito-idp/<api-version>/service-2.json, possibly gzipped). The conformance test
// checks the emulator against it; nothing here is a hand-written copy of the model.
import { loadModel } from '../../scripts/service-model.mjs';

export interface MemberRef {
  shape: string;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'blob' | 'double' | 'float';
  required?: string[];
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
}

export interface OperationModel {
  name: string;
  input?: MemberRef;
  output?: MemberRef;
  errors?: MemberRef[];
}

export interface ServiceModel {
  /** Where the model was read from, for the test's report. */
  source: string;
  metadata: { apiVersion: string; targetPrefix: string; protocol: string };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

/** The newest cognito-idp model botocore installed, or undefined when the package is missing. */
export function loadServiceModel(): ServiceModel | undefined {
  return loadModel() as ServiceModel | undefined;
}

/** Errors every operation of an awsJson1_1 service can answer, whether or not the model lists them. */
export const PROTOCOL_ERRORS = ['UnknownOperationException', 'SerializationException'];

/** The error names an operation may answer: those the model declares plus the protocol's own. */
export function declaredErrors(model: ServiceModel, operation: string): Set<string> {
  const op = model.operations[operation];
  return new Set([...(op?.errors ?? []).map((e) => e.shape), ...PROTOCOL_ERRORS]);
}
