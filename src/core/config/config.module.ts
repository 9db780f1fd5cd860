import { Global, Module } from '@nestjs/common';
import { ADL_CONFIG, loadConfig } from './config';

/** Provides the validated configuration under the ADL_CONFIG token. */
@Global()
@Module({
  providers: [{ provide: ADL_CONFIG, useFactory: () => loadConfig() }],
  exports: [ADL_CONFIG],
})
export class ConfigModule {}
