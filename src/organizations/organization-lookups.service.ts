/**
 * What other wings read of the organizations, inside their own transactions: a court, a circuit,
 * an office, routing facts. Reads only, without authorization of their own: the calling wing
 * has authorized its own subject (a lawsuit, a power of attorney) before it asks.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { WorkContext } from '../core/context/work-context';
import { Circuit } from './circuit.entity';
import { Court } from './court.entity';
import { CourtType, Specialization } from './organization.enums';
import { NotaryOffice } from './office.entities';

@Injectable()
export class OrganizationLookups {
  /** The court with this id, or null. */
  findCourt(tx: WorkContext, id: string): Promise<Court | null> {
    return tx.repo(Court).findOneBy({ id });
  }

  /** The court of a record that names it (a lawsuit's, a hearing's): it exists by foreign key. */
  courtOf(tx: WorkContext, id: string): Promise<Court> {
    return tx.repo(Court).findOneByOrFail({ id });
  }

  courtsByIds(tx: WorkContext, ids: readonly string[]): Promise<Court[]> {
    return ids.length ? tx.repo(Court).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  courtByCode(tx: WorkContext, code: string): Promise<Court | null> {
    return tx.repo(Court).findOneBy({ code });
  }

  /** Courts of a type in a city (case-insensitive), by code. */
  courtsInCity(tx: WorkContext, city: string, type: CourtType): Promise<Court[]> {
    return tx
      .repo(Court)
      .createQueryBuilder('c')
      .where('lower(c.city) = lower(:city) AND c.type = :type', { city, type })
      .orderBy('c.code')
      .getMany();
  }

  /** An appeal court of the city, or else the first appeal court by code; null when none is configured. */
  appealCourtFor(tx: WorkContext, city: string): Promise<Court | null> {
    return tx
      .repo(Court)
      .createQueryBuilder('c')
      .where('c.type = :type', { type: CourtType.APPEAL })
      .orderBy('(lower(c.city) = lower(:city))', 'DESC')
      .addOrderBy('c.code')
      .setParameter('city', city)
      .getOne();
  }

  findCircuit(tx: WorkContext, id: string): Promise<Circuit | null> {
    return tx.repo(Circuit).findOneBy({ id });
  }

  circuitsByIds(tx: WorkContext, ids: readonly string[]): Promise<Circuit[]> {
    return ids.length ? tx.repo(Circuit).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** The active circuits of a court that hear a specialization, by code. */
  activeCircuits(tx: WorkContext, courtId: string, specialization: Specialization): Promise<Circuit[]> {
    return tx.repo(Circuit).find({ where: { courtId, specialization, active: true }, order: { code: 'ASC' } });
  }

  findNotaryOffice(tx: WorkContext, id: string): Promise<NotaryOffice | null> {
    return tx.repo(NotaryOffice).findOneBy({ id });
  }

  /** The office a record names (a contract's, a power of attorney's): it exists by foreign key. */
  notaryOfficeOf(tx: WorkContext, id: string): Promise<NotaryOffice> {
    return tx.repo(NotaryOffice).findOneByOrFail({ id });
  }

  notaryOfficesByIds(tx: WorkContext, ids: readonly string[]): Promise<NotaryOffice[]> {
    return ids.length ? tx.repo(NotaryOffice).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }
}
