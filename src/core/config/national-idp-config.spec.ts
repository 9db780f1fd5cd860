import { ConfigError, loadConfig, NATIONAL_IDP_STAND_IN } from './config';

describe('national identity provider configuration', () => {
  it('uses the stand-in in development, and runs it only there', () => {
    expect(loadConfig({}).nationalIdp).toEqual({ ...NATIONAL_IDP_STAND_IN, standIn: true });
    expect(loadConfig({ NODE_ENV: 'test' }).nationalIdp).toMatchObject({ issuer: NATIONAL_IDP_STAND_IN.issuer, standIn: false });
  });

  it('points at any other provider by its issuer URL alone', () => {
    const config = loadConfig({
      NATIONAL_IDP_ISSUER: 'http://127.0.0.1:4555/',
      NATIONAL_IDP_CLIENT_ID: 'adl-x',
      NATIONAL_IDP_CLIENT_SECRET: 's',
    });
    expect(config.nationalIdp).toEqual({ issuer: 'http://127.0.0.1:4555', clientId: 'adl-x', clientSecret: 's', standIn: false });
  });

  it('is off in production unless configured, and then needs https (off loopback), a client id and a secret', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PAYMENT_GATEWAY_URL: 'https://psp.example',
      PAYMENT_GATEWAY_API_KEY: 'k',
      PAYMENT_WEBHOOK_SECRET: 's',
    };
    expect(loadConfig(production).nationalIdp).toBeNull();
    expect(() => loadConfig({ ...production, NATIONAL_IDP_ISSUER: 'http://idp.example' })).toThrow(/NATIONAL_IDP_ISSUER must use https:/);
    // On this machine (a sidecar, or the tests' stand-in) plain http is allowed.
    const loopback = { NATIONAL_IDP_ISSUER: 'http://127.0.0.1:4555', NATIONAL_IDP_CLIENT_ID: 'a', NATIONAL_IDP_CLIENT_SECRET: 's' };
    expect(loadConfig({ ...production, ...loopback }).nationalIdp).toMatchObject({ issuer: 'http://127.0.0.1:4555', standIn: false });
    expect(() => loadConfig({ ...production, NATIONAL_IDP_ISSUER: 'https://idp.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, NATIONAL_IDP_ISSUER: 'https://idp.example', NATIONAL_IDP_CLIENT_ID: 'adl' })).toThrow(
      /NATIONAL_IDP_CLIENT_SECRET must be set/,
    );
    expect(
      loadConfig({
        ...production,
        NATIONAL_IDP_ISSUER: 'https://idp.example',
        NATIONAL_IDP_CLIENT_ID: 'adl',
        NATIONAL_IDP_CLIENT_SECRET: 's',
      }).nationalIdp,
    ).toMatchObject({ issuer: 'https://idp.example', standIn: false });
  });
});

describe('self-registration configuration', () => {
  it('is off unless ALLOW_SELF_REGISTRATION=true, and then checks against the stand-in registry by default', () => {
    expect(loadConfig({}).selfRegistration).toBeNull();
    expect(loadConfig({ ALLOW_SELF_REGISTRATION: 'false' }).selfRegistration).toBeNull();
    expect(loadConfig({ ALLOW_SELF_REGISTRATION: 'true' }).selfRegistration).toEqual({
      registryUrl: `${NATIONAL_IDP_STAND_IN.issuer}/registry/v1`,
      clientId: NATIONAL_IDP_STAND_IN.clientId,
      clientSecret: NATIONAL_IDP_STAND_IN.clientSecret,
    });
    expect(loadConfig({ ALLOW_SELF_REGISTRATION: 'true', CIVIL_REGISTRY_URL: 'http://127.0.0.1:4600/v2/' }).selfRegistration).toMatchObject(
      {
        registryUrl: 'http://127.0.0.1:4600/v2',
      },
    );
    expect(() => loadConfig({ ALLOW_SELF_REGISTRATION: 'yes' })).toThrow(/must be true or false/);
  });

  it('is never on in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ALLOW_SELF_REGISTRATION: 'true' })).toThrow(
      /development and tests only/,
    );
  });
});
