import { PAYMENT_GATEWAY_STAND_IN } from './core/config/config';
import { developmentPaymentGateway } from './payment-gateway-stand-in';

describe('the payment gateway stand-in npm start runs', () => {
  const standIn = {
    url: PAYMENT_GATEWAY_STAND_IN.url,
    apiKey: PAYMENT_GATEWAY_STAND_IN.apiKey,
    webhookSecret: PAYMENT_GATEWAY_STAND_IN.webhookSecret,
  };

  it('runs in development when PAYMENT_GATEWAY_URL is unset or its default URL', () => {
    expect(developmentPaymentGateway({}, 'development')).toEqual(standIn);
    expect(developmentPaymentGateway({ PAYMENT_GATEWAY_URL: 'http://localhost:3200/' }, 'development')).toEqual(standIn);
  });

  it("takes the environment's key and secret, so that Adl and the stand-in agree", () => {
    const env = { PAYMENT_GATEWAY_API_KEY: 'k', PAYMENT_WEBHOOK_SECRET: 's' };
    expect(developmentPaymentGateway(env, 'development')).toEqual({ ...standIn, apiKey: 'k', webhookSecret: 's' });
  });

  it('runs neither for another gateway nor outside development', () => {
    expect(developmentPaymentGateway({ PAYMENT_GATEWAY_URL: 'https://psp.example/api' }, 'development')).toBeNull();
    expect(developmentPaymentGateway({ PAYMENT_GATEWAY_URL: 'http://localhost:3201' }, 'development')).toBeNull();
    expect(developmentPaymentGateway({}, 'test')).toBeNull();
    expect(developmentPaymentGateway({}, 'production')).toBeNull();
  });
});
