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

describe('e-mail settings', () => {
  const smtp = { SAMLA_SMTP_URL: 'smtps://samla:hemmelig-passord@smtp.kommune.no:465', SAMLA_MAIL_FROM: 'Samla <samla@kommune.no>' };

  it('leaves e-mail off without SMTP', () => {
    expect(readConfig({}).mail).toBeUndefined();
  });

  it('turns e-mail on with an SMTP URL, a sender and the public address for links', () => {
    expect(readConfig({ ...smtp, SAMLA_PUBLIC_URL: 'https://samla.kommune.no' }).mail).toEqual({
      smtpUrl: smtp.SAMLA_SMTP_URL,
      from: 'Samla <samla@kommune.no>',
      publicUrl: 'https://samla.kommune.no',
    });
  });

  it('refuses to start with half the settings or a wrong URL, and never repeats the password', () => {
    const publicUrl = { SAMLA_PUBLIC_URL: 'https://samla.kommune.no' };
    expect(() => readConfig({ SAMLA_SMTP_URL: smtp.SAMLA_SMTP_URL, ...publicUrl })).toThrow(/SAMLA_SMTP_URL og SAMLA_MAIL_FROM må settes sammen/);
    expect(() => readConfig(smtp)).toThrow(/SAMLA_PUBLIC_URL må settes når e-post er slått på/);
    expect(() => readConfig({ ...smtp, ...publicUrl, SAMLA_MAIL_FROM: 'ikke en adresse' })).toThrow(/SAMLA_MAIL_FROM må være en e-postadresse/);
    for (const url of ['https://samla:hemmelig-passord@smtp.kommune.no', 'smtp://samla@smtp.kommune.no:587', 'smtp://']) {
      let message = '';
      try {
        readConfig({ ...smtp, ...publicUrl, SAMLA_SMTP_URL: url });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/SAMLA_SMTP_URL må ha formen smtp:\/\/bruker:passord@vert:port/);
      expect(message).not.toContain('hemmelig');
    }
  });
});
