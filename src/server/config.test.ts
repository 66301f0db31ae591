import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('operations settings', () => {
  it('defaults to an open /metrics and a 25 s shutdown deadline', () => {
    const config = readConfig({});
    expect(config.metricsToken).toBeUndefined();
    expect(config.shutdownTimeoutMs).toBe(25_000);
  });

  it('reads the metrics token and the shutdown deadline', () => {
    const config = readConfig({ SAMLA_METRICS_TOKEN: 'en-lang-nok-metrikknokkel', SAMLA_SHUTDOWN_TIMEOUT_SECONDS: '40' });
    expect(config.metricsToken).toBe('en-lang-nok-metrikknokkel');
    expect(config.shutdownTimeoutMs).toBe(40_000);
  });

  it('refuses to start with a guessable metrics token or a nonsense deadline, naming the variable', () => {
    expect(() => readConfig({ SAMLA_METRICS_TOKEN: 'kort' })).toThrow(/SAMLA_METRICS_TOKEN: SAMLA_METRICS_TOKEN må ha minst 16 tegn/);
    expect(() => readConfig({ SAMLA_SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow(/SAMLA_SHUTDOWN_TIMEOUT_SECONDS/);
  });
});
