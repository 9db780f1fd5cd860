/**
 * `npm run seed`: loads the demo data through the same services as the API (validation, audit
 * trail and all), skipping whatever already exists, so it can run any number of times.
 */
import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import type { Actor } from '../access/actor';
import { AuditModule } from '../audit/audit.module';
import { AdlConfig, loadConfig } from '../core/config/config';
import { RequestContext } from '../access/context/request-context';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { CoreModule } from '../core/core.module';
import { SCHEMA } from '../registry';
import { Transactions } from '../core/database/transactions';
import { IdentityModule } from '../identity/identity.module';
import { hashPassword } from '../identity/passwords';
import { Role, UserStatus } from '../access/role.enum';
import { User } from '../identity/user.entity';
import { UsersService } from '../identity/users.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { Circuit } from '../organizations/circuit.entity';
import { Court } from '../organizations/court.entity';
import { Holiday } from '../organizations/holiday.entity';
import { NotaryOffice, ProsecutionOffice } from '../organizations/office.entities';
import { OrganizationsModule } from '../organizations/organizations.module';
import { OrganizationsService } from '../organizations/organizations.service';
import { SEED_ADMIN, SEED_COURTS, SEED_HOLIDAYS, SEED_NOTARY_OFFICES, SEED_PROSECUTION_OFFICES, SEED_USERS } from './seed-data';

@Module({})
class SeedModule {
  static forRoot(config: AdlConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [CoreModule.forRoot(config, SCHEMA), AccessModule, AuditModule, NotificationsModule, IdentityModule, OrganizationsModule],
    };
  }
}

export interface SeedSummary {
  created: string[];
}

/** The reserved system administrator (docs/domain.md); its number is outside the check-digit space, so it is inserted directly. */
async function ensureAdmin(app: INestApplicationContext, contexts: RequestContextFactory, password: string, out: string[]): Promise<User> {
  const anonymous = contexts.forActor('seed', null);
  const existing = await anonymous.repo(User).findOneBy({ nationalId: SEED_ADMIN.nationalId });
  if (existing) return existing;
  const passwordHash = await hashPassword(password);
  return app.get(Transactions).run(anonymous, async (tx) => {
    const admin = await tx.repo(User).save(
      tx.repo(User).create({
        ...SEED_ADMIN,
        passwordHash,
        status: UserStatus.ACTIVE,
        roles: [Role.SYSTEM_ADMIN],
        phone: null,
        email: null,
        lawyerLicense: null,
        totpEnabled: false,
        totpSecret: null,
        totpPendingSecret: null,
        totpLastStep: null,
        failedLoginCount: 0,
        lockedUntil: null,
        tokenVersion: 0,
      }),
    );
    tx.audit({ action: 'user.seeded', subjectType: 'User', subjectId: admin.id, after: { ...SEED_ADMIN, roles: [Role.SYSTEM_ADMIN] } });
    out.push(`user ${SEED_ADMIN.nationalId} (SYSTEM_ADMIN)`);
    return admin;
  });
}

export async function seed(app: INestApplicationContext, env: NodeJS.ProcessEnv = process.env): Promise<SeedSummary> {
  const created: string[] = [];
  const contexts = app.get(RequestContextFactory);
  const orgs = app.get(OrganizationsService);
  const users = app.get(UsersService);
  const admin = await ensureAdmin(app, contexts, env.SEED_ADMIN_PASSWORD || 'Adl-Admin-2026!', created);
  const actor: Actor = {
    id: admin.id,
    nationalId: admin.nationalId,
    roles: [Role.SYSTEM_ADMIN],
    memberships: [],
    lawyerLicense: null,
    authLevel: 'password',
  };
  const ctx: RequestContext = contexts.forActor('seed', actor);

  const courtIds = new Map<string, string>();
  const circuitIds = new Map<string, string>();
  for (const { circuits, ...court } of SEED_COURTS) {
    const found =
      (await ctx.repo(Court).findOneBy({ code: court.code })) ?? (created.push(`court ${court.code}`), await orgs.createCourt(ctx, court));
    courtIds.set(court.code, found.id);
    for (const [code, nameAr, nameEn, specialization] of circuits) {
      const circuit =
        (await ctx.repo(Circuit).findOneBy({ courtId: found.id, code })) ??
        (created.push(`circuit ${court.code}/${code}`),
        await orgs.createCircuit(ctx, { courtId: found.id, code, nameAr, nameEn, specialization }));
      circuitIds.set(`${court.code}/${code}`, circuit.id);
    }
  }
  const officeIds = new Map<string, string>();
  for (const [kind, offices] of [
    [ProsecutionOffice, SEED_PROSECUTION_OFFICES],
    [NotaryOffice, SEED_NOTARY_OFFICES],
  ] as const) {
    for (const office of offices) {
      const found =
        (await ctx.repo(kind).findOneBy({ code: office.code })) ??
        (created.push(`office ${office.code}`), await orgs.createOffice(ctx, kind, office));
      officeIds.set(office.code, found.id);
    }
  }
  for (const holiday of SEED_HOLIDAYS) {
    const exists = await ctx
      .repo(Holiday)
      .createQueryBuilder('h')
      .where('h.court_id IS NULL AND h.starts_on = :s AND h.name_en = :n', { s: holiday.startsOn, n: holiday.nameEn })
      .getExists();
    if (!exists) {
      await orgs.addHoliday(ctx, holiday);
      created.push(`holiday ${holiday.startsOn} ${holiday.nameEn}`);
    }
  }
  const password = env.SEED_DEMO_PASSWORD || 'Adl-Demo-2026!';
  for (const u of SEED_USERS) {
    if (await ctx.repo(User).exists({ where: { nationalId: u.nationalId } })) continue;
    const m = u.membership;
    await users.createUser(ctx, {
      nationalId: u.nationalId,
      nameAr: u.nameAr,
      nameEn: u.nameEn,
      password,
      roles: u.roles,
      lawyerLicense: u.lawyerLicense,
      memberships: m
        ? [
            {
              role: m.role,
              courtId: m.court ? courtIds.get(m.court) : undefined,
              circuitId: m.circuit ? circuitIds.get(m.circuit.join('/')) : undefined,
              prosecutionOfficeId: m.prosecutionOffice ? officeIds.get(m.prosecutionOffice) : undefined,
              notaryOfficeId: m.notaryOffice ? officeIds.get(m.notaryOffice) : undefined,
            },
          ]
        : [],
    });
    created.push(`user ${u.nationalId} (${u.roles.join(', ')})`);
  }
  return { created };
}

if (require.main === module) {
  (async () => {
    const app = await NestFactory.createApplicationContext(SeedModule.forRoot(loadConfig()), { logger: ['error', 'warn'] });
    try {
      const { created } = await seed(app);
      console.log(created.length ? `Seeded: ${created.join('; ')}` : 'Seed data already present.');
    } finally {
      await app.close();
    }
  })().catch((err: Error) => {
    console.error(`Seeding failed: ${err.message}`);
    process.exit(1);
  });
}
