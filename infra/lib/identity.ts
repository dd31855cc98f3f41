import { invitation, passwordPolicy, tokenLifetimes } from '@crux/api/identity-settings';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { preTokenPolicy } from './function-policies';
import { AppFunction } from './lambda';
import { tableKeyStatement } from './tenant-policy';

export type IdentityProps = {
  /** Prefix of the managed-login domain (`<prefix>.auth.<region>.amazoncognito.com`); unique per region. */
  domainPrefix: string;
  logsKey: kms.IKey;
  /** The trigger refuses a centre role whose centre is not in this table's registry. */
  table: dynamodb.ITable;
  tableKey: kms.IKey;
};

/** The custom attributes the pre-token trigger turns into `centre`, `role` and `participant` claims. */
export const tenantAttributes = { centre: 'centre', role: 'role', participant: 'participant' } as const;

/**
 * Who may sign in, and what their access token says. Accounts are made by a centre leader or the
 * platform admin through the admin API (no self sign-up); every account needs TOTP: MFA is one setting
 * for the whole pool in Cognito, most roles read participant data, and a per-role rule would be one more
 * thing to get wrong. The local identity provider asks every account for TOTP too. Users cannot write their own `centre` or
 * `role`: the web client may write nothing but their name.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly preToken: AppFunction;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: passwordPolicy.minLength,
        requireLowercase: passwordPolicy.lowercase,
        requireUppercase: passwordPolicy.uppercase,
        requireDigits: passwordPolicy.digits,
        requireSymbols: passwordPolicy.symbols,
        passwordHistorySize: passwordPolicy.historySize,
        tempPasswordValidity: Duration.days(tokenLifetimes.temporaryPasswordDays),
      },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        [tenantAttributes.centre]: new cognito.StringAttribute({ minLen: 2, maxLen: 40, mutable: true }),
        [tenantAttributes.role]: new cognito.StringAttribute({ minLen: 4, maxLen: 20, mutable: true }),
        // A participant's account names their participant id (a UUID); no one else's names one.
        [tenantAttributes.participant]: new cognito.StringAttribute({
          minLen: 36,
          maxLen: 36,
          mutable: true,
        }),
      },
      // Plus: access-token customisation (the trigger below) and threat protection against credential stuffing.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: { emailSubject: invitation.subject, emailBody: invitation.body },
      userVerification: {
        emailSubject: 'Kode fra CRUX / Your CRUX code',
        emailBody: 'Koden din er {####}. / Your code is {####}.',
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.domain = this.userPool.addDomain('ManagedLogin', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });

    this.preToken = new AppFunction(this, 'PreToken', {
      name: 'preToken',
      description: 'Puts the user centre, role and participant into the access token, if the centre allows',
      environment: { TABLE_NAME: props.table.tableName },
      logsKey: props.logsKey,
      policy: preTokenPolicy(props.table.tableArn),
      memorySize: 256,
      // Cognito waits 5 s for a trigger; the database client gives up well before (packages/store/src/client.ts).
      timeout: Duration.seconds(5),
    });
    this.preToken.role.addToPrincipalPolicy(
      iam.PolicyStatement.fromJson(tableKeyStatement(props.tableKey.keyArn, Stack.of(this).region, 'read')),
    );
    this.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preToken.fn,
      cognito.LambdaVersion.V2_0,
    );
  }

  /** The issuer of the pool's tokens: the web client's OIDC authority and the API's JWT issuer. */
  get issuerUrl(): string {
    return this.userPool.userPoolProviderUrl;
  }

  /** Where the managed login lives (the CSP must let the web client talk to it). */
  get loginBaseUrl(): string {
    return this.domain.baseUrl();
  }

  /** Cognito's sign-out endpoint: its discovery document names none, so the web client is told. */
  get logoutUrl(): string {
    return `${this.loginBaseUrl}/logout`;
  }

  /** The public OIDC endpoints (discovery, JWKS) on the Cognito IdP host. */
  get idpBaseUrl(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com`;
  }

  /**
   * The web client: authorization code with PKCE, no secret (a browser cannot keep one), redirects only
   * to the site itself. Added after the site exists because its URLs come from the CloudFront domain.
   */
  addWebClient(siteUrl: string): cognito.UserPoolClient {
    // The web client's redirect paths (packages/web/src/auth/oidc.ts): its callback route and its home page.
    const callbackUrl = `${siteUrl}/auth/callback`;
    const homeUrl = `${siteUrl}/`;
    return this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [callbackUrl],
        logoutUrls: [homeUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // Short access tokens: a role or centre change (and a disabled account) takes effect within 15 minutes.
      accessTokenValidity: Duration.seconds(tokenLifetimes.accessTokenSeconds),
      idTokenValidity: Duration.seconds(tokenLifetimes.idTokenSeconds),
      refreshTokenValidity: Duration.seconds(tokenLifetimes.refreshTokenSeconds),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(tenantAttributes.centre, tenantAttributes.role, tenantAttributes.participant),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }
}
