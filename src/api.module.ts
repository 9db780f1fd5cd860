/** The API process: GraphQL over Fastify, stateless, scaled out behind a load balancer. */
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { ADL_CONFIG, AdlConfig } from './core/config/config';
import { CoreModule } from './core/core.module';
import { RequestContextFactory } from './core/context/request-context.factory';
import { CompiledQueries } from './core/graphql/compiled-queries';
import { graphqlOptions } from './core/graphql/graphql.options';
import { HealthController } from './core/health/health.controller';
import { IdentityModule } from './identity/identity.module';
import { NotarizationModule } from './notarization/notarization.module';
import { NotificationsModule } from './notifications/notifications.module';
import { HearingsModule } from './hearings/hearings.module';
import { JudgmentsModule } from './judgments/judgments.module';
import { PleadingsModule } from './pleadings/pleadings.module';
import { LawsuitsModule } from './lawsuits/lawsuits.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { StatisticsModule } from './statistics/statistics.module';
import { ContractsModule } from './notarization/contracts/contracts.module';
import { DocumentsCoreModule } from './documents/documents-core.module';
import { DocumentsModule } from './documents/documents.module';

export const DOMAIN_MODULES = [
  AccessModule,
  AuditModule,
  NotificationsModule,
  DocumentsCoreModule,
  IdentityModule,
  OrganizationsModule,
  LawsuitsModule,
  HearingsModule,
  JudgmentsModule,
  PleadingsModule,
  NotarizationModule,
  StatisticsModule,
  ContractsModule,
  DocumentsModule,
];

@Module({})
export class ApiModule {
  static forRoot(config: AdlConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        ...DOMAIN_MODULES,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [ADL_CONFIG, RequestContextFactory, CompiledQueries],
          useFactory: (c: AdlConfig, contexts: RequestContextFactory, compiled: CompiledQueries) => graphqlOptions(c, contexts, compiled),
        }),
      ],
      controllers: [HealthController],
    };
  }
}
