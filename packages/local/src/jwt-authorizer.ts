import {
  createLocalJWKSet,
  decodeProtectedHeader,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from 'jose';

export type JwtAuthorizerConfig = {
  issuer: string;
  /** The authorizer's audience list: the app client ids. */
  audience: readonly string[];
  jwks: JSONWebKeySet;
};

export type Authorized = { claims: Record<string, string>; scopes: string[] | null };

/** API Gateway's JWT authorizers accept RSA signatures only. */
const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/**
 * What API Gateway's HTTP API JWT authorizer does, and only that: take the token (alone or after
 * `Bearer `), check an RSA signature by the `kid` in the JWKS, `iss`, `aud` (or `client_id` when there
 * is no `aud`), `exp`, `nbf` and `iat`. It does not look at `token_use`: an ID token passes here, as it
 * does in AWS, and the function must refuse it.
 */
export function createJwtAuthorizer(config: JwtAuthorizerConfig) {
  const keys = createLocalJWKSet(config.jwks);
  return async function authorize(header: string | undefined): Promise<Authorized | undefined> {
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : header?.trim();
    if (!token) return undefined;
    let payload: JWTPayload;
    try {
      const { alg, kid } = decodeProtectedHeader(token);
      if (typeof kid !== 'string' || !alg || !RSA_ALGORITHMS.includes(alg)) return undefined;
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: RSA_ALGORITHMS,
        issuer: config.issuer,
        requiredClaims: ['exp'],
      }));
    } catch {
      return undefined;
    }
    if (!audienceMatches(payload, config.audience)) return undefined;
    if (typeof payload.iat === 'number' && payload.iat > Math.floor(Date.now() / 1000)) return undefined;
    const scope = payload.scope ?? payload.scp;
    const scopes =
      typeof scope === 'string'
        ? scope.split(' ').filter(Boolean)
        : Array.isArray(scope)
          ? scope.map(String)
          : null;
    return { claims: claimsAsApiGatewayPassesThem(payload), scopes };
  };
}

/** `aud` when the token has one, otherwise `client_id`, as API Gateway evaluates them. */
function audienceMatches(payload: JWTPayload, audience: readonly string[]): boolean {
  if (payload.aud !== undefined) {
    const auds = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return auds.some((a) => audience.includes(a));
  }
  return typeof payload.client_id === 'string' && audience.includes(payload.client_id);
}

/**
 * API Gateway hands claims to the function as strings: numbers and booleans printed, arrays as
 * `[a b]`. Handlers must cope with exactly that, so the emulator gives them exactly that.
 */
export function claimsAsApiGatewayPassesThem(payload: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') out[name] = JSON.stringify(value);
    else out[name] = String(value);
  }
  return out;
}
