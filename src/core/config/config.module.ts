import { DynamicModule, Global, Module } from '@nestjs/common';
import { ADL_CONFIG, AdlConfig } from './config';

/** Provides the validated configuration under the ADL_CONFIG token. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AdlConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: ADL_CONFIG, useValue: config }], exports: [ADL_CONFIG] };
  }
}
