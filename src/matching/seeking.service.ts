import {
  applyScope,
  AuditService,
  ForbiddenError,
  NotFoundError,
  Principal,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { StudentReads } from '../students/student-reads';
import { SeekingDto } from './dto/vacancy.dto';
import { StudentSeeking } from './entities/seeking.entity';
import { Vacancy } from './entities/vacancy.entity';
import { VACANCY_SCOPE } from './matching-scope';

/** What a student looking for a workplace states; the student, their coordinator or an admin writes it. */
@Injectable()
export class SeekingService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(StudentSeeking) private readonly seeking: Repository<StudentSeeking>,
    private readonly students: StudentReads,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal, studentId: string): Promise<StudentSeeking> {
    await this.students.getVisible(this.seeking.manager, principal, studentId);
    const seeking = await this.seeking.findOneBy({ studentId });
    if (!seeking) throw new NotFoundError('Seeking', studentId);
    return seeking;
  }

  put(principal: Principal, studentId: string, dto: SeekingDto): Promise<StudentSeeking> {
    return this.dataSource.transaction(async (manager) => {
      const student = await this.students.getVisible(
        manager,
        principal,
        studentId,
        'pessimistic_write',
      );
      if (!['admin', 'coordinator', 'student'].includes(principal.role)) {
        throw new ForbiddenError(
          'Only the student, their coordinator or an admin states what the student seeks.',
        );
      }
      if ((dto.latitude === undefined) !== (dto.longitude === undefined)) {
        throw new ValidationError([
          { field: 'latitude', message: 'give both latitude and longitude, or neither' },
        ]);
      }
      if (dto.preferences.length) {
        // Only vacancies the caller can see (a student: open ones); others read as missing.
        const found = await applyScope(
          manager
            .getRepository(Vacancy)
            .createQueryBuilder('v')
            .select('v.id')
            .where('v.id = ANY(:ids)', { ids: dto.preferences }),
          principal,
          VACANCY_SCOPE,
        ).getMany();
        if (found.length !== dto.preferences.length)
          throw new ValidationError([
            { field: 'preferences', message: 'names a vacancy that does not exist' },
          ]);
      }
      const values = {
        studentId: student.id,
        startDate: dto.startDate,
        postcode: dto.postcode,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
        maxTravelKm: dto.maxTravelKm,
        hoursPerWeek: dto.hoursPerWeek,
        sectors: dto.sectors,
        preferences: dto.preferences,
      };
      const existing = await manager.findOneBy(StudentSeeking, { studentId: student.id });
      const saved = await manager.save(
        StudentSeeking,
        existing ? Object.assign(existing, values) : manager.create(StudentSeeking, values),
      );
      await this.audit.record(manager, principal, {
        resourceType: 'student',
        resourceId: student.id,
        action: 'seeking_stated',
        universityId: student.universityId,
        data: { ...dto },
      });
      return saved;
    });
  }
}
