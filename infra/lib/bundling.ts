import { fileURLToPath } from 'node:url';
import { functionEntry } from '@crux/api/audience-functions';
import { type Audience, audienceNames } from '@crux/api/audiences';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, Charset, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * How every function is built and run, in one place: the CDK app uses it through NodejsFunction, and the
 * benchmark bundles with `esbuildOptions` so the sizes and import times it reports are those we deploy.
 */

/** The repository root: NodejsFunction's project root and the base of every entry below. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Entry points, relative to the repository root; each exports `handler`. The API's come from the
 * audience table; the functions that serve no audience are named here.
 */
const jobEntries = {
  figuresJob: 'functions/src/figures-job/handler.ts',
  retentionJob: 'functions/src/retention-job/handler.ts',
  logExport: 'functions/src/log-export/handler.ts',
  preToken: 'functions/src/pre-token/handler.ts',
} as const;
export const functionEntries = {
  ...(Object.fromEntries(audienceNames.map((a) => [a, functionEntry(a)])) as Record<Audience, string>),
  ...jobEntries,
};
export type FunctionName = keyof typeof functionEntries;

export const runtime = lambda.Runtime.NODEJS_24_X;
export const architecture = lambda.Architecture.ARM_64;
export const esbuildTarget = 'node24';

/**
 * ESM bundles have no `require`; a CommonJS dependency that calls it for a Node built-in would fail
 * without it, so the bundle recreates it.
 */
export const esmBanner =
  "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/**
 * NodejsFunction bundling: the local esbuild (never Docker), ESM, minified, the AWS SDK bundled in.
 * ASCII output: one character above U+00FF (a ’ in a message) makes V8 hold the whole bundle as a
 * two-byte string and Node decode it on the slow path; escaped, the centre API's cold import measured
 * about 5 % less CPU for some 300 more bytes (bench/bundle.ts).
 */
export const bundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: esbuildTarget,
  minify: true,
  sourceMap: false,
  charset: Charset.ASCII,
  mainFields: ['module', 'main'],
  banner: esmBanner,
  // Bundled rather than taken from the runtime: a pinned SDK version, and tree shaking keeps it small.
  bundleAwsSDK: true,
  externalModules: [],
  forceDockerBundling: false,
};

/** The same build for esbuild's own API (`esbuild.build({ ...esbuildOptions, entryPoints, outfile })`). */
export const esbuildOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: esbuildTarget,
  minify: true,
  sourcemap: false,
  charset: 'ascii',
  mainFields: ['module', 'main'],
  banner: { js: esmBanner },
  external: [],
};
