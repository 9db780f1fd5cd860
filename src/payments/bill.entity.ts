import { Field, Float, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';
import { bigintTransformer } from '../core/database/money';
import { BillPurpose, BillState } from './bill-state-machine';

/**
 * A bill in the style of SADAD (docs/payments.md): what one payer owes for one subject (a filing
 * fee for a lawsuit), with its number, amount and due date, UNPAID until paid, expired, cancelled
 * or refunded. Amounts are kept in halalas and shown in SAR.
 */
@ObjectType({ description: 'A bill: what a payer owes for a case or a deed, and its state (docs/payments.md).' })
@Entity('bills')
export class Bill extends BaseEntity {
  @Field({ description: 'The bill number, as a SADAD biller shows it.' })
  @Column({ type: 'text' })
  number!: string;

  @Field(() => BillPurpose)
  @Column({ type: 'text' })
  purpose!: BillPurpose;

  @Field({ description: 'What the bill is for: Lawsuit, Contract or PowerOfAttorney.' })
  @Column({ type: 'text' })
  subjectType!: string;

  @Field()
  @Column({ type: 'uuid' })
  subjectId!: string;

  @Field({ description: 'What the bill is for, in Arabic.' })
  @Column({ type: 'text' })
  descriptionAr!: string;

  @Field({ description: 'What the bill is for, in English.' })
  @Column({ type: 'text' })
  descriptionEn!: string;

  @Column({ type: 'char', length: 10 })
  payerNationalId!: string;

  @Column({ type: 'uuid', nullable: true })
  payerId!: string | null;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amountHalalas!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  refundedHalalas!: number;

  @Field(() => BillState)
  @Column({ type: 'text' })
  state!: BillState;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it expired, was cancelled or was refunded in whole.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'integer' })
  version!: number;

  @Field(() => Float, { description: 'The amount due, SAR.' })
  get amount(): number {
    return this.amountHalalas / 100;
  }

  @Field(() => Float, { description: 'What was given back, SAR.' })
  get refundedAmount(): number {
    return this.refundedHalalas / 100;
  }
}

/** One attempt to pay a bill at the gateway, keyed by the gateway's payment id. */
@Entity('bill_payments')
export class BillPayment extends BaseEntity {
  @Column({ type: 'uuid' })
  billId!: string;

  @Column({ type: 'text' })
  gatewayPaymentId!: string;

  @Column({ type: 'text' })
  status!: 'initiated' | 'paid' | 'failed';

  @Column({ type: 'text' })
  paymentUrl!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amountHalalas!: number;

  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedAt!: Date | null;
}
