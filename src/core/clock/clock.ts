import { Injectable } from '@nestjs/common';

/**
 * The one source of "now". Deadlines, expiry and lockouts read it, so that tests can move
 * time (`set`, `advance`) instead of waiting, and production reads the system clock.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this process's clock so that now() answers `at`. Tests only. */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
