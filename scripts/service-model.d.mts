// Types of service-model.mjs for the TypeScript tests that import it.
export declare const BOTOCORE_DATA: string;
/** The parsed service-2.json plus `source` (its path), or undefined when the package is missing. */
export declare function loadModel(dir?: string): ({ source: string } & Record<string, unknown>) | undefined;
