import { ConfigError, loadConfig } from './core/config/config';
import { developmentMailStandIn } from './mail-stand-in';
import { developmentSmsStandIn } from './sms-stand-in';

const dev = (env: NodeJS.ProcessEnv = {}) => loadConfig({ NODE_ENV: 'development', ...env });

describe('the mail and SMS stand-ins npm start runs, and the channels’ configuration', () => {
  it('runs both in development when SMTP_URL and SMS_PROVIDER_URL are unset, reports going to the worker’s port', () => {
    const config = dev();
    expect(config.smtpUrl).toBe('smtp://localhost:2525');
    expect(config.mailReports).toEqual({ bounceAddress: 'bounces@adl.localhost', port: 2526, host: '127.0.0.1' });
    expect(developmentMailStandIn(config)).toEqual({
      smtpUrl: 'smtp://localhost:2525',
      httpUrl: 'http://localhost:3300',
      reportRoute: 'smtp://127.0.0.1:2526',
    });
    expect(developmentSmsStandIn(config)).toMatchObject({ url: 'http://localhost:3400', apiKey: 'adl-development-sms-key' });
    expect(config.sms!.callbackBaseUrl).toBe('http://localhost:3000');
  });

  it('leaves a real server or provider alone, and listens for reports only where told', () => {
    const config = dev({
      SMTP_URL: 'smtp://mail.example:587',
      SMS_PROVIDER_URL: 'https://sms.example/api',
      SMTP_FROM: 'Adl <notices@courts.example>',
    });
    expect(developmentMailStandIn(config)).toBeNull();
    expect(developmentSmsStandIn(config)).toBeNull();
    expect(config.mailReports).toMatchObject({ bounceAddress: 'bounces@courts.example', port: null });
    expect(dev({ SMTP_URL: 'smtp://mail.example:587', BOUNCE_SMTP_PORT: '2600' }).mailReports.port).toBe(2600);
  });

  it('has no e-mail or SMS in production unless configured, and then wants the SMS key and secret', () => {
    const prod = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PAYMENT_GATEWAY_URL: 'https://psp.example',
      PAYMENT_GATEWAY_API_KEY: 'k',
      PAYMENT_WEBHOOK_SECRET: 's',
    };
    const config = loadConfig(prod);
    expect(config.smtpUrl).toBeNull();
    expect(config.sms).toBeNull();
    expect(developmentMailStandIn(config)).toBeNull();
    expect(() => loadConfig({ ...prod, SMS_PROVIDER_URL: 'https://sms.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, SMS_PROVIDER_URL: 'http://sms.example', SMS_API_KEY: 'k', SMS_WEBHOOK_SECRET: 's' })).toThrow(
      /https/,
    );
    expect(loadConfig({ ...prod, SMS_PROVIDER_URL: 'https://sms.example', SMS_API_KEY: 'k', SMS_WEBHOOK_SECRET: 's' }).sms).toMatchObject({
      providerUrl: 'https://sms.example',
    });
  });

  it('names the variable of a bad bounce address or port', () => {
    expect(() => dev({ BOUNCE_ADDRESS: 'not an address' })).toThrow(/BOUNCE_ADDRESS/);
    expect(() => dev({ BOUNCE_SMTP_PORT: '70000' })).toThrow(/BOUNCE_SMTP_PORT/);
  });
});
