import {
  assertRole,
  ConflictError,
  DomainError,
  newId,
  NotFoundError,
  Principal,
  sha256Hex,
} from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { ConfigType } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AgreementSigningService, RequestInfo } from './agreement-signing.service';
import { requiredParties } from './agreement-scope';
import { AgreementStore } from './agreement-store';
import { agreementsConfig } from './agreements.config';
import { DRIVERS } from './agreements.service';
import { documentsConfig } from '../documents/documents.config';
import { MailOutbox } from '../mail/mail-outbox';
import type { VersionStatus } from './agreement-lifecycle';
import type { AgreementTerms } from './agreement-terms.types';
import type { PartiesSnapshot } from './content-hash';
import { CreateSigningLinkDto, LinkSignDto, Party, ReasonDto } from './dto/agreement.dto';
import { AgreementSignature } from './entities/agreement-signature.entity';
import { AgreementVersion } from './entities/agreement-version.entity';
import { Agreement, AgreementLanguage } from './entities/agreement.entity';
import { SigningLink } from './entities/signing-link.entity';

/** Why a link that existed can no longer be used. */
export type SigningLinkGoneReason = 'used' | 'expired' | 'version_closed';

/** 410: the link existed but can no longer be used. */
export class SigningLinkGone extends DomainError {
  constructor(
    readonly reason: SigningLinkGoneReason,
    detail: string,
  ) {
    super(410, 'signing-link-gone', 'Gone', detail, { reason });
  }
}

export interface SigningLinkView {
  agreementId: string;
  version: number;
  contentHash: string;
  party: Party;
  name: string;
  expiresAt: Date;
  language: AgreementLanguage;
  terms: AgreementTerms;
  parties: PartiesSnapshot;
}

/**
 * Where one party stands on one version (what the sign page's confirmation shows the signer): the
 * version, that party's signature if any, and whose signatures the version still awaits.
 */
export interface PartyStanding {
  agreementId: string;
  version: number;
  party: Party;
  language: AgreementLanguage;
  parties: PartiesSnapshot;
  contentHash: string;
  versionStatus: VersionStatus;
  signature: { name: string; signedAt: Date } | null;
  /** Parties whose signature the version still awaits (none unless it is pending). */
  awaiting: Party[];
}

/** One-time signing links for signers without an account. */
@Injectable()
export class SigningLinksService {
  constructor(
    @InjectEntityManager() private readonly entityManager: EntityManager,
    private readonly store: AgreementStore,
    private readonly signing: AgreementSigningService,
    @Inject(agreementsConfig.KEY) private readonly config: ConfigType<typeof agreementsConfig>,
    @Inject(documentsConfig.KEY) private readonly documents: ConfigType<typeof documentsConfig>,
    private readonly mail: MailOutbox,
  ) {}

  async create(principal: Principal, id: string, dto: CreateSigningLinkDto) {
    assertRole(principal, DRIVERS, 'create signing links');
    return this.entityManager.transaction(async (manager) => {
      const a = await this.store.lock(manager, principal, id);
      const v = await this.store.version(manager, a.id, a.currentVersionNumber);
      if (v.status !== 'pending_signatures') {
        throw new ConflictError(
          `Version ${v.number} is ${v.status.replace(/_/g, ' ')}: only a version awaiting signatures can be signed through a link.`,
          'agreement-state-conflict',
          { currentState: v.status },
        );
      }
      if (!requiredParties(a).includes(dto.party)) {
        throw new ConflictError(`This agreement has no ${dto.party} party.`, 'no-such-party');
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(
        this.store.now().getTime() + this.config.signingLinkTtlHours * 3600_000,
      );
      await manager.insert(SigningLink, {
        id: newId(),
        agreementId: a.id,
        versionId: v.id,
        versionNumber: v.number,
        party: dto.party,
        email: dto.email,
        name: dto.name,
        tokenHash: sha256Hex(token),
        expiresAt,
        createdById: principal.id,
      });
      // E-mailed with the link, in its transaction: no link without its message, nor the reverse.
      if (dto.send !== false) {
        await this.mail.signingRequested(manager, {
          agreementId: a.id,
          universityId: a.universityId,
          language: v.language,
          recipient: { name: dto.name, email: dto.email },
          token,
          version: v.number,
          data: {
            student: v.parties!.student.name,
            employer: v.parties!.employer.name,
            party: dto.party,
            expiresAt: expiresAt.toISOString(),
          },
        });
      }
      return {
        token,
        // The sign page (src/pages), for people; the JSON endpoints stay under /api/v1/signing.
        url: `${this.documents.publicBaseUrl}/sign/${token}`,
        expiresAt,
        party: dto.party,
        version: v.number,
      };
    });
  }

  async read(token: string): Promise<SigningLinkView> {
    const manager = this.entityManager;
    const link = await this.usable(manager, token, false);
    const v = await this.store.version(manager, link.agreementId, link.versionNumber);
    return {
      agreementId: link.agreementId,
      version: v.number,
      contentHash: v.contentHash!,
      party: link.party,
      name: link.name,
      expiresAt: link.expiresAt,
      language: v.language,
      terms: v.terms,
      parties: v.parties!,
    };
  }

  /**
   * Where `party` stands on a submitted version; null when there is no such version. Public
   * through the pages only with a receipt the pages issued to that party's signer.
   */
  async standing(
    agreementId: string,
    version: number,
    party: Party,
  ): Promise<PartyStanding | null> {
    const manager = this.entityManager;
    const [a, v] = await Promise.all([
      manager.findOneBy(Agreement, { id: agreementId }),
      manager.findOneBy(AgreementVersion, { agreementId, number: version }),
    ]);
    if (!a || !v?.contentHash || !v.parties) return null;
    const signatures = await manager.find(AgreementSignature, {
      where: { versionId: v.id },
      select: { party: true, signerName: true, signedAt: true },
    });
    const own = signatures.find((s) => s.party === party);
    const signed = new Set(signatures.map((s) => s.party));
    return {
      agreementId,
      version,
      party,
      language: v.language,
      parties: v.parties,
      contentHash: v.contentHash,
      versionStatus: v.status,
      signature: own ? { name: own.signerName, signedAt: own.signedAt } : null,
      awaiting:
        v.status === 'pending_signatures' ? requiredParties(a).filter((p) => !signed.has(p)) : [],
    };
  }

  async sign(
    token: string,
    dto: LinkSignDto,
    req: RequestInfo,
  ): Promise<{ agreementId: string; version: number; party: Party; status: string }> {
    return this.entityManager.transaction(async (manager) => {
      const link = await this.usable(manager, token, true);
      const a = await this.store.lockById(manager, link.agreementId);
      const actor = { kind: 'signing_link' as const, id: link.id, name: dto.name };
      await this.signing.sign(manager, a, link.party, dto.contentHash, actor, {
        name: dto.name,
        email: link.email,
        userId: null,
        signingLinkId: link.id,
        method: 'signing_link',
        ipAddress: req.ip,
        userAgent: req.userAgent,
      });
      await manager.update(SigningLink, { id: link.id }, { usedAt: this.store.now() });
      return {
        agreementId: a.id,
        version: link.versionNumber,
        party: link.party,
        status: a.status,
      };
    });
  }

  async decline(
    token: string,
    dto: ReasonDto,
  ): Promise<{ agreementId: string; version: number; party: Party; status: string }> {
    return this.entityManager.transaction(async (manager) => {
      const link = await this.usable(manager, token, true);
      const a = await this.store.lockById(manager, link.agreementId);
      await this.signing.decline(manager, a, link.party, dto.reason, {
        kind: 'signing_link',
        id: link.id,
        name: link.name,
      });
      await manager.update(SigningLink, { id: link.id }, { usedAt: this.store.now() });
      return {
        agreementId: a.id,
        version: link.versionNumber,
        party: link.party,
        status: a.status,
      };
    });
  }

  /** Unknown → 404; used, expired, or its version no longer awaiting signatures → 410. */
  private async usable(manager: EntityManager, token: string, lock: boolean): Promise<SigningLink> {
    const qb = manager
      .getRepository(SigningLink)
      .createQueryBuilder('l')
      .where('l.token_hash = :h', { h: sha256Hex(token) });
    if (lock) qb.setLock('pessimistic_write');
    const link = await qb.getOne();
    if (!link) throw new NotFoundError('Signing link');
    if (link.usedAt) throw new SigningLinkGone('used', 'This signing link has already been used.');
    if (link.expiresAt.getTime() <= this.store.now().getTime())
      throw new SigningLinkGone(
        'expired',
        'This signing link has expired; ask the coordinator for a new one.',
      );
    const [row] = await manager.query('SELECT status FROM agreement_versions WHERE id = $1', [
      link.versionId,
    ]);
    if (row?.status !== 'pending_signatures') {
      throw new SigningLinkGone(
        'version_closed',
        `The version this link was made for is ${String(row?.status).replace(/_/g, ' ')}; ask the coordinator for a new link.`,
      );
    }
    return link;
  }
}
