import { Clock, DomainError } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { agreementsConfig } from '../agreements/agreements.config';
import { FormTokens, Receipt, ReceiptSubject } from './form-tokens';

/** 410 for a receipt past its time, 404 for one we never issued. */
export class ReceiptNotValid extends DomainError {
  constructor(readonly expired: boolean) {
    super(
      expired ? 410 : 404,
      'receipt-not-valid',
      expired ? 'Gone' : 'Not found',
      'This confirmation link is unknown or has expired.',
    );
  }
}

/**
 * A signer's receipt: the address of their own confirmation page (GET /sign/receipt/:receipt),
 * from which they download the sealed PDF once it is there. Issued when they sign through the
 * page and again in the sealed agreement's e-mail to an account-less signer; valid as long as a
 * signing link is (SIGNING_LINK_TTL_HOURS) from its issue. Nothing is stored: the MAC is the proof.
 */
@Injectable()
export class SignerReceipts {
  constructor(
    private readonly tokens: FormTokens,
    private readonly clock: Clock,
    @Inject(agreementsConfig.KEY) private readonly config: ConfigType<typeof agreementsConfig>,
  ) {}

  issue(subject: ReceiptSubject): { receipt: string; path: string; expiresAt: Date } {
    const expiresAt = new Date(
      this.clock.now().getTime() + this.config.signingLinkTtlHours * 3600_000,
    );
    const receipt = this.tokens.receipt(subject, expiresAt);
    return { receipt, path: `/sign/receipt/${receipt}`, expiresAt };
  }

  read(value: string): Receipt {
    const r = this.tokens.readReceipt(value, this.clock.now());
    if (r === 'invalid' || r === 'expired') throw new ReceiptNotValid(r === 'expired');
    return r;
  }
}
