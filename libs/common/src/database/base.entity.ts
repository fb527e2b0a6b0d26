import { BeforeInsert, CreateDateColumn, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/** Ids are UUIDv7: time-ordered, so keyset pagination by id follows creation order. */
export function newId(): string {
  return uuidv7();
}

/** Columns every aggregate root carries: id, optimistic version, timestamps. */
export abstract class VersionedEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @BeforeInsert()
  protected assignId(): void {
    if (!this.id) this.id = newId();
  }
}
