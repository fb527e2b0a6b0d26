import { Type } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';

/**
 * Documentation markers that finishOpenApiDocument turns into security requirements, headers
 * and problem+json responses, then removes. They ride on the operation as one vendor extension
 * because @nestjs/swagger cannot express `security: []` or merge several descriptions for one
 * status; the decorators that drive behaviour (Public, Roles, WithoutIdempotency, IfMatch) set
 * them, so the document cannot drift from what the guards do.
 */
export const DOC_MARKER = 'x-dualroute';
const EXTENSION_METADATA = 'swagger/apiExtension';

export interface DocMarker {
  public?: boolean;
  roles?: string[];
  withoutIdempotency?: boolean;
  /** Served without PostgreSQL or Redis, so never a 503 for a dependency. */
  dependencyFree?: boolean;
  rateLimited?: boolean;
  ifMatch?: boolean;
  problems?: Record<string, string[]>;
}

function mark(target: object, update: (marker: DocMarker) => void): void {
  const extensions = (Reflect.getMetadata(EXTENSION_METADATA, target) ?? {}) as Record<
    string,
    unknown
  >;
  const marker = { ...((extensions[DOC_MARKER] as DocMarker | undefined) ?? {}) };
  marker.problems = { ...(marker.problems ?? {}) };
  update(marker);
  Reflect.defineMetadata(EXTENSION_METADATA, { ...extensions, [DOC_MARKER]: marker }, target);
}

/** The handlers a class decorator applies to: its own route methods. */
function routeMethods(target: { prototype: object }): object[] {
  const prototype = target.prototype;
  return Object.getOwnPropertyNames(prototype)
    .filter((key) => key !== 'constructor')
    .map((key) => Object.getOwnPropertyDescriptor(prototype, key)?.value as unknown)
    .filter(
      (value): value is object =>
        typeof value === 'function' && Reflect.hasMetadata(METHOD_METADATA, value),
    );
}

/**
 * A decorator for a method or a class (then every route method of it). A method's own marker
 * wins over the class's for single values, as Reflector.getAllAndOverride does for the guards.
 */
export function docMarker(
  update: (marker: DocMarker, fromClass: boolean) => void,
): ClassDecorator & MethodDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      mark(descriptor.value as object, (m) => update(m, false));
      return descriptor;
    }
    for (const method of routeMethods(target as { prototype: object }))
      mark(method, (m) => update(m, true));
    return target;
  }) as ClassDecorator & MethodDecorator;
}

/**
 * Problem+json answers this operation gives besides those derived from its shape (400 for any
 * input, 401 unless public, 403 with @Roles, 404 with a path parameter, 422 with a body or
 * query, 503 for every operation that needs the database), e.g. `ApiProblems({ 409: 'Already
 * signed' })`. Descriptions of the same status are joined.
 */
export function ApiProblems(problems: Record<number, string>): ClassDecorator & MethodDecorator {
  return docMarker((marker) => {
    for (const [status, description] of Object.entries(problems)) {
      marker.problems![status] = [...(marker.problems![status] ?? []), description];
    }
  });
}

/** Counted per client by a rate limiter: 429 with Retry-After. */
export const ApiRateLimited = () =>
  docMarker((marker) => {
    marker.rateLimited = true;
  });

/** Answers without PostgreSQL or Redis (liveness): no 503 documented. */
export const ApiDependencyFree = () =>
  docMarker((marker) => {
    marker.dependencyFree = true;
  });

/** Pages of the cursor envelope every list answers with (libs/common pagination: Page<T>). */
const pageClasses = new Map<Type<unknown>, Type<unknown>>();

export function pageOf(item: Type<unknown>): Type<unknown> {
  const existing = pageClasses.get(item);
  if (existing) return existing;
  class PageOfItems {
    @ApiProperty({ type: [item] })
    data!: unknown[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as ?cursor= for the next page; null on the last page',
    })
    nextCursor!: string | null;
  }
  // The schema's name in the document: StudentDto → StudentPage.
  Object.defineProperty(PageOfItems, 'name', {
    value: `${item.name.replace(/Dto$|Schema$/, '')}Page`,
  });
  pageClasses.set(item, PageOfItems);
  return PageOfItems;
}

/** 200 with `{ data: Item[], nextCursor }`, the envelope of every list. */
export const ApiPage = (item: Type<unknown>) => ApiOkResponse({ type: pageOf(item) });
