import {
  ApiPage,
  CurrentPrincipal,
  decodeCursor,
  DEFAULT_LIMIT,
  ListQueryDto,
  Page,
  Principal,
  toPage,
} from '@app/common';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AgreementsService } from '../agreements/agreements.service';
import { MESSAGE_KINDS } from './mail-templates';
import { MESSAGE_STATUSES } from './message.entity';

export class MessageDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MESSAGE_KINDS }) kind!: string;
  @ApiProperty() recipient!: { name: string; email: string };
  @ApiProperty({ enum: ['nl', 'en'] }) language!: string;
  @ApiProperty({
    enum: MESSAGE_STATUSES,
    description: '`cancelled`: a reminder not yet sent when the signature stopped being awaited',
  })
  status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'The Message-ID header, the same on every attempt' })
  messageId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sentAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() createdAt!: Date;
}

interface MessageRow {
  id: string;
  kind: string;
  recipient_name: string;
  recipient_email: string;
  language: string;
  status: string;
  attempts: number;
  message_id: string;
  sent_at: Date | null;
  last_error: string | null;
  created_at: Date;
}

function messageDto(r: MessageRow): MessageDto {
  return {
    id: r.id,
    kind: r.kind,
    recipient: { name: r.recipient_name, email: r.recipient_email },
    language: r.language,
    status: r.status,
    attempts: r.attempts,
    messageId: r.message_id,
    sentAt: r.sent_at,
    lastError: r.last_error,
    createdAt: r.created_at,
  };
}

@ApiTags('agreements')
@Controller('agreements')
export class MessagesController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':id/messages')
  @ApiOperation({
    summary: 'E-mail sent about an agreement (who may read the agreement may read these)',
  })
  @ApiPage(MessageDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListQueryDto,
  ): Promise<Page<MessageDto>> {
    // 404 unless the caller may read the agreement.
    await this.agreements.get(p, id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const params: unknown[] = [id, limit + 1];
    const after = query.cursor ? `AND id > $${params.push(decodeCursor(query.cursor))}` : '';
    // Never the token or the body: neither is selected.
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT id, kind, recipient_name, recipient_email, language, status, attempts, message_id,
              sent_at, last_error, created_at
         FROM messages WHERE agreement_id = $1 ${after} ORDER BY id LIMIT $2`,
      params,
    );
    const page = toPage(rows, limit);
    return { data: page.data.map(messageDto), nextCursor: page.nextCursor };
  }
}
