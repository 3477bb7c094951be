// A plain bearer token (e.g. an OAuth 2.0 access token): sent as is; nothing to renew, so a 401 is final.
import { registerSecret } from '../redact';
import type { Authorizer, OutgoingRequest } from './authorizer';

export class BearerAuthorizer implements Authorizer {
  readonly kind = 'bearer' as const;
  constructor(private readonly token: string) {
    registerSecret(token);
  }
  async authorize(request: OutgoingRequest): Promise<void> {
    request.headers.Authorization = `Bearer ${this.token}`;
  }
  async onUnauthorized(): Promise<boolean> {
    return false;
  }
  async dispose(): Promise<void> {}
}
