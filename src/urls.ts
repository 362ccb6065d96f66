// Where clients reach us (PUBLIC_URL) and what our issuers are (ISSUER_URL). When PUBLIC_URL is
// not set it follows the port actually bound, which with PORT=0 is known only after listen().
import type { Config } from './config.js';
import { regionOf } from './domain/ids.js';

export class Urls {
  private base: string;

  constructor(private readonly config: Pick<Config, 'publicUrl' | 'issuerUrl' | 'port'>) {
    this.base = config.publicUrl ?? `http://localhost:${config.port}`;
  }

  /** Called by main once listening, so PORT=0 yields the real port. */
  listeningOn(port: number): void {
    if (this.config.publicUrl === undefined) this.base = `http://localhost:${port}`;
  }

  get publicUrl(): string {
    return this.base;
  }

  get secure(): boolean {
    return this.base.startsWith('https:');
  }

  issuer(userPoolId: string): string {
    return this.config.issuerUrl
      .replaceAll('{publicUrl}', this.base)
      .replaceAll('{region}', regionOf(userPoolId))
      .replaceAll('{userPoolId}', userPoolId);
  }

  endpoint(path: string): string {
    return `${this.base}${path}`;
  }
}
