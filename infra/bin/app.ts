import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CruxStack } from '../lib/stack';

/**
 * The CDK app. Environment-agnostic unless `-c account=… -c region=…` are given (other context: authDomainPrefix,
 * alarmEmail, webDistDir), so `cdk synth` works
 * offline with no AWS account. cdk-nag checks every resource; a finding fails the synth unless it is
 * acknowledged, with a reason, next to the resource it concerns.
 */
const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const account = context('account');
const region = context('region');
const authDomainPrefix = context('authDomainPrefix');
const alarmEmail = context('alarmEmail');
const webDistDir = context('webDistDir');

new CruxStack(app, 'Crux', {
  description: 'CRUX follow-up centres platform',
  ...(account && region ? { env: { account, region } } : {}),
  ...(authDomainPrefix ? { authDomainPrefix } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(webDistDir ? { webDistDir } : {}),
});

app.synth();
