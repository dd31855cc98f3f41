import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { esmBanner, functionEntries } from '@crux/infra/bundling';
import { CruxStack } from '@crux/infra/stack';
import { Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { makeApp, webDistFixture } from './synth';

type Code = { S3Key: string };
type LambdaResource = { Type: string; Properties: { Runtime?: string; Code: Code } };

describe('the app as `cdk synth` builds it: cdk-nag attached, every function bundled', () => {
  // Bundles every function with esbuild: tens of seconds on two busy cores.
  it('synthesises with no unacknowledged AwsSolutions finding, error or warning', () => {
    const app = makeApp({ bundle: true });
    const nag = new AwsSolutionsChecks(app);
    Validations.of(app).addPlugins(nag);
    new CruxStack(app, 'Crux', { webDistDir: webDistFixture() });

    const assembly = app.synth();
    expect(nag.validateScope(app).violations).toEqual([]);

    // The real esbuild ran: each function's asset is one ESM file that starts with the require shim.
    const template = assembly.getStackByName('Crux').template as {
      Resources: Record<string, LambdaResource>;
    };
    const functions = Object.values(template.Resources).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime?.startsWith('nodejs'),
    );
    expect(functions).toHaveLength(Object.keys(functionEntries).length);
    for (const fn of functions) {
      const hash = fn.Properties.Code.S3Key.replace(/\.zip$/, '');
      const bundle = join(assembly.directory, `asset.${hash}`, 'index.mjs');
      expect(statSync(bundle).size, bundle).toBeGreaterThan(0);
      expect(readFileSync(bundle, 'utf8').startsWith(esmBanner), bundle).toBe(true);
    }
  }, 300_000);

  it('reports a resource that breaks the rules, so the check above cannot pass vacuously', () => {
    const app = makeApp();
    const nag = new AwsSolutionsChecks(app);
    const stack = new Stack(app, 'Careless');
    new sqs.Queue(stack, 'Plain', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    const rules = nag.validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(
      expect.arrayContaining(['AwsSolutions-SQS2', 'AwsSolutions-SQS3', 'AwsSolutions-SQS4']),
    );
  });
});
