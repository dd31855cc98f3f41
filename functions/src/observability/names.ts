/**
 * The platform's own CloudWatch metrics, one definition for the functions that emit them (embedded
 * metric format, through Powertools Metrics) and the CDK dashboard and alarms that read them.
 */
export const metricNamespace = 'CRUX';

export const metricNames = {
  /** One per API request, dimension `service` (the audience). */
  requests: 'Requests',
  /** 1 for a 4xx answer, else 0: its average is the audience's 4xx rate. */
  clientErrors: 'ClientErrors',
  /** 1 for a 5xx answer, else 0. */
  serverErrors: 'ServerErrors',
  /** Milliseconds from the request reaching the pipeline to its answer. */
  latency: 'Latency',
  /** A refused request, dimensions `service` and `status` (400, 401, 403, 404, 409, 413, 415, 422). */
  refused: 'Refused',
  /** New records written (never a replayed retry), dimensions `service` and `kind`. */
  registrations: 'Registrations',
  /** Tokens the pre-token trigger issued (sign-ins and refreshes), and those it refused (no valid role or centre). */
  tokensIssued: 'TokensIssued',
  tokensRefused: 'TokensRefused',
  /** The figures job: its duration, the markers it handled, the centres it recomputed. */
  jobDuration: 'JobDuration',
  markersHandled: 'MarkersHandled',
  centresRecomputed: 'CentresRecomputed',
  /** 1 each time a figures run finishes its work; the "not succeeded for 26 hours" alarm watches it. */
  jobSucceeded: 'JobSucceeded',
  /**
   * The network's publication by a figures run (issue 10): the cells in the linked set, the share of
   * them hidden beyond the small ones (percent: what the protection costs), and the hidden cells no
   * protection could keep (above 0, the network keeps what it had and the unprotected alarm fires).
   */
  networkCells: 'NetworkCells',
  networkHiddenBeyondSmall: 'NetworkHiddenBeyondSmall',
  networkUnprotected: 'NetworkUnprotected',
} as const;

/** The `service` dimension of every function that is not an API audience. */
export const serviceNames = {
  figuresJob: 'figures-job',
  retentionJob: 'retention-job',
  logExport: 'log-export',
  preToken: 'pre-token',
} as const;
