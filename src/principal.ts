/** Who is asking: decided from the bearer token before any resolver runs. */
export interface Principal {
  role: 'admin' | 'viewer';
  /** A label for the audit log (`admin-token`, `viewer-token`, `local-dev`, `cli`, `key:NAME` for a service key); never the token. */
  name: string;
}
