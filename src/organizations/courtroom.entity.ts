import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';

@ObjectType({
  description: 'A courtroom of a court: an in-person hearing books one, and the database refuses two live hearings in it at once.',
})
@Entity('courtrooms')
export class Courtroom extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  courtId!: string;

  @Field({ description: 'Its name as summonses and cause lists show it, unique in the court.' })
  @Column()
  name!: string;

  @Field({ description: 'False once the court takes it out of use: no new hearing books it.' })
  @Column({ default: true })
  active!: boolean;
}
