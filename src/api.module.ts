/** The API process: GraphQL over Fastify, stateless, scaled out behind a load balancer. */
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit';
import { ADL_CONFIG, AdlConfig } from './core/config/config';
import { CoreModule } from './core/core.module';
import { SCHEMA } from './registry';
import { RequestAuthenticator } from './identity';
import { CompiledQueries } from './core/graphql/compiled-queries';
import { graphqlOptions } from './core/graphql/graphql.options';
import { HealthController } from './core/health/health.controller';
import { IdentityModule } from './identity';
import { NotarizationModule } from './notarization';
import { NotificationsModule } from './notifications';
import { LitigationModule } from './litigation';
import { OrganizationsModule } from './organizations';
import { StatisticsModule } from './statistics';
import { ContractsModule } from './notarization';
import { DocumentsCoreModule } from './documents';
import { DocumentsModule } from './documents';
import { EvidenceModule } from './evidence';
import { PaymentsModule } from './payments';

export const DOMAIN_MODULES = [
  AccessModule,
  AuditModule,
  NotificationsModule,
  DocumentsCoreModule,
  EvidenceModule,
  PaymentsModule,
  IdentityModule,
  OrganizationsModule,
  LitigationModule,
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
        CoreModule.forRoot(config, SCHEMA),
        ...DOMAIN_MODULES,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [ADL_CONFIG, RequestAuthenticator, CompiledQueries],
          useFactory: (c: AdlConfig, contexts: RequestAuthenticator, compiled: CompiledQueries) => graphqlOptions(c, contexts, compiled),
        }),
      ],
      controllers: [HealthController],
    };
  }
}
