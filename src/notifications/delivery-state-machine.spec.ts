import { deliveryMachine, serves } from './delivery-state-machine';
import { DeliveryState, NotificationChannel } from './notification.enums';

describe('notification delivery states', () => {
  it('goes sent → delivered → opened, and retries a failure', () => {
    expect(deliveryMachine.next('NEW', 'sent')).toBe(DeliveryState.SENT);
    expect(deliveryMachine.next(DeliveryState.SENT, 'delivered')).toBe(DeliveryState.DELIVERED);
    expect(deliveryMachine.next(DeliveryState.DELIVERED, 'opened')).toBe(DeliveryState.OPENED);
    expect(deliveryMachine.next(DeliveryState.FAILED, 'sent')).toBe(DeliveryState.SENT);
  });

  it('never sends again what was sent, nor goes back', () => {
    expect(deliveryMachine.can(DeliveryState.SENT, 'sent')).toBe(false);
    expect(deliveryMachine.can(DeliveryState.DELIVERED, 'sent')).toBe(false);
    expect(deliveryMachine.can(DeliveryState.OPENED, 'delivered')).toBe(false);
    expect(deliveryMachine.can(DeliveryState.DELIVERED, 'failed')).toBe(false);
  });

  it('counts in-app as served once sent, email and SMS only once delivered', () => {
    expect(serves(NotificationChannel.IN_APP, DeliveryState.SENT)).toBe(true);
    expect(serves(NotificationChannel.EMAIL, DeliveryState.SENT)).toBe(false);
    expect(serves(NotificationChannel.EMAIL, DeliveryState.DELIVERED)).toBe(true);
    expect(serves(NotificationChannel.SMS, DeliveryState.DELIVERED)).toBe(true);
    expect(serves(NotificationChannel.SMS, DeliveryState.FAILED)).toBe(false);
  });
});
