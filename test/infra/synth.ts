import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@crux/infra/bundling';
import { CruxStack } from '@crux/infra/stack';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/** The feature flags `cdk synth` runs with, so the tests see the template the CLI would make. */
const featureFlags: Record<string, unknown> = JSON.parse(
  readFileSync(join(repoRoot, 'cdk.json'), 'utf8'),
).context;

/**
 * A stand-in for the web client's build: the infra tests are about what CDK makes of a build, not about
 * the build, and must not depend on `npm run build:web` having run first.
 */
export function webDistFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crux-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nb"><title>CRUX</title></html>');
  writeFileSync(join(dir, 'assets', 'index-3f2a1b.js'), 'export {};');
  return dir;
}

export type SynthOptions = {
  /** Run esbuild for every function (slow); otherwise bundling is skipped, as `cdk synth --exclusively` would. */
  bundle?: boolean;
  webDistDir?: string;
};

export function makeApp({ bundle = false }: SynthOptions = {}): App {
  return new App({
    context: { ...featureFlags, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
    // CloudFormation's own schema check costs seconds per synth; `npm run synth` still runs it.
    builtinCloudFormationValidation: false,
  });
}

export function synthStack(options: SynthOptions = {}): { app: App; stack: CruxStack; template: Template } {
  const app = makeApp(options);
  const stack = new CruxStack(app, 'Crux', { webDistDir: options.webDistDir ?? webDistFixture() });
  return { app, stack, template: Template.fromStack(stack) };
}

export type Resource = { Type: string; Properties: Record<string, unknown>; [key: string]: unknown };

/** The template's resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

export type PolicyStatementJson = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: unknown;
};

export const actionsOf = (s: PolicyStatementJson): string[] =>
  Array.isArray(s.Action) ? s.Action : [s.Action];

/** Every statement that applies to a role: its inline policies and every AWS::IAM::Policy attached to it. */
export function statementsOfRole(template: Template, roleId: string): PolicyStatementJson[] {
  const role = resourcesOf(template, 'AWS::IAM::Role')[roleId];
  if (!role) throw new Error(`No role ${roleId}`);
  const inline = (
    (role.Properties.Policies ?? []) as { PolicyDocument: { Statement: PolicyStatementJson[] } }[]
  ).flatMap((p) => p.PolicyDocument.Statement);
  const attached = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((p) =>
      (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })),
    )
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement);
  return [...inline, ...attached];
}

/** The logical id a `{ "Fn::GetAtt": [id, "Arn"] }` or `{ Ref: id }` points at. */
export function refId(value: unknown): string {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = v.Ref ?? v['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`Not a reference: ${JSON.stringify(value)}`);
  return id;
}
