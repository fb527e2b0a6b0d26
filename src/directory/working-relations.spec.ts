import type { EntityManager } from 'typeorm';
import { WorkingRelationContributor, WorkingRelations } from './working-relations';

/** A manager whose directory query answers `registered`. */
function manager(registered: boolean): EntityManager {
  return {
    query: jest.fn().mockResolvedValue([{ works: registered }]),
  } as unknown as EntityManager;
}

function contributor(
  sources: WorkingRelationContributor['sources'],
  answer: boolean,
): WorkingRelationContributor & { worksWith: jest.Mock } {
  return { sources, worksWith: jest.fn().mockResolvedValue(answer) };
}

const COMPANY = { kind: 'company', id: 'c' } as const;

describe('working relations (who a university works with)', () => {
  function complete(answers: [boolean, boolean, boolean]) {
    const relations = new WorkingRelations();
    const parts = [
      contributor(['matches'], answers[0]),
      contributor(['employments', 'secondments'], answers[1]),
      contributor(['agreements'], answers[2]),
    ];
    parts.forEach((p) => relations.register(p));
    return { relations, parts };
  }

  it('answers yes when the directory record was registered by the university, asking nobody else', async () => {
    const { relations, parts } = complete([false, false, false]);
    await expect(relations.worksWith(manager(true), 'u', COMPANY)).resolves.toBe(true);
    for (const p of parts) expect(p.worksWith).not.toHaveBeenCalled();
  });

  it('answers yes when any owner of matches, placements or agreements says so', async () => {
    for (const answers of [
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ] as [boolean, boolean, boolean][]) {
      const { relations } = complete(answers);
      await expect(relations.worksWith(manager(false), 'u', COMPANY)).resolves.toBe(true);
    }
    const { relations } = complete([false, false, false]);
    await expect(relations.worksWith(manager(false), 'u', COMPANY)).resolves.toBe(false);
  });

  it('refuses to answer for a company or foundation while a source has no contributor', async () => {
    const relations = new WorkingRelations();
    relations.register(contributor(['matches'], true));
    expect(relations.missingSources()).toEqual(['employments', 'secondments', 'agreements']);
    await expect(relations.worksWith(manager(true), 'u', COMPANY)).rejects.toThrow(
      /no contributor for employments, secondments, agreements/,
    );
    expect(() => relations.onApplicationBootstrap()).toThrow(/no contributor/);
  });

  it('answers for a sector association from the directory alone', async () => {
    const relations = new WorkingRelations();
    await expect(
      relations.worksWith(manager(true), 'u', { kind: 'sector_association', id: 's' }),
    ).resolves.toBe(true);
  });

  it('refuses a second contributor for the same records', () => {
    const relations = new WorkingRelations();
    relations.register(contributor(['matches'], true));
    expect(() => relations.register(contributor(['matches'], true))).toThrow(/already/);
  });
});
