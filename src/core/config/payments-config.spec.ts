import { ConfigError, loadConfig, PAYMENT_GATEWAY_STAND_IN } from './config';

describe('payment gateway configuration', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
  const gateway = { PAYMENT_GATEWAY_URL: 'https://psp.example/api/', PAYMENT_GATEWAY_API_KEY: 'k', PAYMENT_WEBHOOK_SECRET: 's' };

  it('uses the stand-in outside production, webhooks to the public address unless told otherwise', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://adl.example' }).payments).toEqual({
      gatewayUrl: PAYMENT_GATEWAY_STAND_IN.url,
      apiKey: PAYMENT_GATEWAY_STAND_IN.apiKey,
      webhookSecret: PAYMENT_GATEWAY_STAND_IN.webhookSecret,
      callbackBaseUrl: 'https://adl.example',
      statusCheckAfterMs: 120_000,
    });
    expect(loadConfig({ PAYMENT_CALLBACK_BASE_URL: 'http://10.0.0.5:3000/' }).payments.callbackBaseUrl).toBe('http://10.0.0.5:3000');
  });

  it('needs the gateway, its key and its webhook secret in production, over https unless on this machine', () => {
    expect(() => loadConfig(production)).toThrow(/PAYMENT_GATEWAY_URL must be set in production/);
    expect(() => loadConfig({ ...production, ...gateway, PAYMENT_WEBHOOK_SECRET: '' })).toThrow(/PAYMENT_WEBHOOK_SECRET must be set/);
    expect(() => loadConfig({ ...production, ...gateway, PAYMENT_GATEWAY_URL: 'http://psp.example' })).toThrow(ConfigError);
    expect(loadConfig({ ...production, ...gateway, PAYMENT_GATEWAY_URL: 'http://127.0.0.1:3200' }).payments.gatewayUrl).toBe(
      'http://127.0.0.1:3200',
    );
    expect(loadConfig({ ...production, ...gateway }).payments).toMatchObject({ gatewayUrl: 'https://psp.example/api', apiKey: 'k' });
    expect(() => loadConfig({ ...gateway, PAYMENT_STATUS_CHECK_SECONDS: 'soon' })).toThrow(/PAYMENT_STATUS_CHECK_SECONDS/);
  });
});
