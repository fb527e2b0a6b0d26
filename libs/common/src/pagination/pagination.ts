import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../errors/domain-error';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_LIMIT, { message: `limit must not be greater than ${MAX_LIMIT}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Cursors are opaque to clients; today they wrap the last id (ids are time-ordered UUIDv7). */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`id:${lastId}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('id:') ? decoded.slice(3) : '';
  if (!UUID.test(id)) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this API issued' }], 400);
  }
  return id;
}

/**
 * Keyset pagination on the primary key: stable under concurrent inserts and O(limit) at any
 * depth, unlike OFFSET. Fetches one extra row to know whether a next page exists.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  query: ListQueryDto,
): Promise<Page<T>> {
  const alias = qb.alias;
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (query.cursor) qb.andWhere(`${alias}.id > :__cursor`, { __cursor: decodeCursor(query.cursor) });
  const rows = await qb.orderBy(`${alias}.id`, 'ASC').take(limit + 1).getMany();
  return toPage(rows, limit);
}

export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  return { data, nextCursor: hasMore ? encodeCursor(data[data.length - 1].id) : null };
}

export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { data: page.data.map(map), nextCursor: page.nextCursor };
}
