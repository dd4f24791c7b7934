/** The targets, to reach and to keep as the project grows (test/bench/README.md explains each). */
export const TARGETS = {
  /** Warm p50 through the gateway ÷ p50 of the same DynamoDB calls made bare. */
  warmP50Ratio: 1.2,
  /** Cold `import()` of a bundle ÷ a bare `node -e 0` process. */
  coldImportRatio: 0.8,
  /** Minified bundle per function, in KB of 1024 bytes. */
  bundleKb: 400,
  /** Resident memory of the local runtime's Node process, in MB of 1024² bytes. */
  nodeRssMb: 250,
} as const;
