/** The statistics wing's public surface: open court statistics. */
export { StatisticsModule } from './statistics.module';
