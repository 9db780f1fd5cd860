/**
 * Password self-registration, for development and tests only (ALLOW_SELF_REGISTRATION=true;
 * docs/identity.md). Two steps: the civil registry must know the national ID with that birth date
 * (the names and phone are the registry's, never typed), then the six-digit code sent to the
 * registry's phone for the person opens the account with the password they choose. A national ID
 * that already has an account gets a message saying so on that phone instead of a code, and the
 * caller's answer is the same either way. Starts count against the login rate limit of the
 * national ID and the address; five wrong codes void a registration.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, DomainError, ForbiddenError } from '../../core/errors/domain-error';
import { RateLimits } from '../../core/rate-limit/rate-limits';
import { maskPhone } from '../../core/text/address-mask';
import { IDENTITY } from '../identity-messages';
import { AccountCodes } from '../recovery/account-codes';
import { User } from '../user.entity';
import { UsersService } from '../users.service';
import { CivilRegistry } from './civil-registry';
import { RegisterCitizenInput, StartCitizenRegistrationInput } from './registration.inputs';
import { RegistrationChallenge } from './registration.models';

const CODE_TTL_MS = 10 * 60_000;

interface OpenRegistration {
  id: string;
  nationalId: string;
  nameAr: string;
  nameEn: string;
  phone: string;
  existingUserId: string | null;
}

@Injectable()
export class RegistrationsService {
  constructor(
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
    private readonly tx: Transactions,
    private readonly rateLimits: RateLimits,
    private readonly registry: CivilRegistry,
    private readonly codes: AccountCodes,
    private readonly users: UsersService,
  ) {}

  async start(ctx: RequestContext, input: StartCitizenRegistrationInput): Promise<RegistrationChallenge> {
    this.ensureOn();
    await this.rateLimits.consumeLogin(input.nationalId, ctx.ip);
    const person = await this.registry.lookUp(input.nationalId, input.birthDate);
    if (!person) {
      throw new BadUserInputError([
        { field: 'input.nationalId', message: IDENTITY.registryNoMatch() },
        { field: 'input.birthDate', message: IDENTITY.registryNoMatch() },
      ]);
    }
    if (!person.phone) throw BadUserInputError.field('input.nationalId', IDENTITY.registryNoPhone());
    const phone = person.phone;
    const code = this.codes.newCode('password_reset');
    return this.tx.run(ctx, async (tx) => {
      const existing = await tx.repo(User).findOne({ where: { nationalId: person.nationalId }, select: { id: true } });
      const now = tx.now();
      const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
      const [registration] = await tx.manager.query<{ id: string }[]>(
        `INSERT INTO registrations (national_id, name_ar, name_en, phone, existing_user_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [person.nationalId, person.nameAr, person.nameEn, phone, existing?.id ?? null, now, expiresAt],
      );
      await this.codes.issueForRegistration(tx, registration.id, code, CODE_TTL_MS);
      if (existing) {
        tx.audit({
          action: 'user.registration_attempted',
          subjectType: 'User',
          subjectId: existing.id,
          after: { registrationId: registration.id },
        });
      }
      return { registrationId: registration.id, phone: maskPhone(phone), expiresAt };
    });
  }

  /** The account the confirmed registration opens (the resolver signs the person in). */
  async complete(ctx: RequestContext, input: RegisterCitizenInput): Promise<User> {
    this.ensureOn();
    await this.rateLimits.consumeRequest(`registration:${ctx.ip ?? 'unknown'}`);
    // A wrong code is counted (and commits) before it is reported.
    const outcome = await this.tx.run(ctx, async (tx): Promise<User | DomainError> => {
      const registration = await this.lockOpen(tx, input.registrationId);
      const open = registration ? await this.codes.openForRegistration(tx, registration.id) : null;
      if (!registration || !open || !(await this.codes.check(tx, open, input.code))) {
        return BadUserInputError.field('input.code', IDENTITY.registrationCodeWrong());
      }
      await this.codes.spend(tx, open.id);
      if (registration.existingUserId) return BadUserInputError.field('input.registrationId', IDENTITY.nationalIdTaken());
      // Another registration of the number confirmed a moment earlier takes the number (one account each).
      const user = await this.users
        .enrolCitizen(
          tx,
          {
            nationalId: registration.nationalId,
            nameAr: registration.nameAr,
            nameEn: registration.nameEn,
            phone: registration.phone,
            email: input.email ?? null,
            password: input.password,
          },
          { verifiedBy: 'civil_registry_and_sms_code', registrationId: registration.id },
        )
        .catch((err: unknown) => {
          throw err instanceof BadUserInputError ? BadUserInputError.field('input.registrationId', IDENTITY.nationalIdTaken()) : err;
        });
      await tx.manager.query(`UPDATE registrations SET completed_at = $2, user_id = $3 WHERE id = $1`, [
        registration.id,
        tx.now(),
        user.id,
      ]);
      return user;
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  private ensureOn(): void {
    if (!this.config.selfRegistration) throw new ForbiddenError(IDENTITY.selfRegistrationOff());
  }

  private async lockOpen(tx: RequestContext, id: string): Promise<OpenRegistration | null> {
    const [row] = await tx.manager.query<OpenRegistration[]>(
      `SELECT id, national_id AS "nationalId", name_ar AS "nameAr", name_en AS "nameEn", phone, existing_user_id AS "existingUserId"
         FROM registrations WHERE id = $1 AND completed_at IS NULL AND expires_at > $2 FOR UPDATE`,
      [id, tx.now()],
    );
    return row ?? null;
  }
}
