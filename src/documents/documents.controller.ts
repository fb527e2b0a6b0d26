import {
  ApiProblems,
  ApiRateLimited,
  CurrentPrincipal,
  Principal,
  Public,
  ValidationError,
  WithoutIdempotency,
} from '@app/common';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DocumentDto, DocumentListDto, VerificationDto } from './document-responses.dto';
import { DocumentsService } from './documents.service';
import { VerifyThrottlerGuard } from './verify-throttler.guard';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('agreements/:id/documents')
  @ApiOperation({ summary: "The agreement's preview and signed PDFs with their status" })
  @ApiOkResponse({ type: DocumentListDto })
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.listForAgreement(p, id);
  }

  @Get('documents/:id')
  @ApiOperation({
    summary: 'A document: queued, processing, ready or failed; its SHA-256 when ready',
  })
  @ApiOkResponse({ type: DocumentDto })
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.documents.get(p, id);
  }

  @Get('documents/:id/content')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The PDF (parties of the agreement only); 409 until it is ready' })
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiProblems({ 409: 'The document is not ready (queued, processing or failed)', 503: 'The stored content cannot be read just now' })
  async content(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    const { doc, stream } = await this.documents.content(p, id);
    return new StreamableFile(stream, {
      type: 'application/pdf',
      length: doc.sizeBytes ?? undefined,
      disposition: `attachment; filename="agreement-${doc.agreementId}-v${doc.versionNumber}-${doc.kind}.pdf"`,
    });
  }
}

/** Public: anyone holding a PDF may ask whether we sealed it and whether it is unaltered. */
@ApiTags('documents')
@Controller('verify')
export class VerifyController {
  constructor(private readonly documents: DocumentsService) {}

  @Public()
  @WithoutIdempotency()
  @Post()
  @HttpCode(200)
  @UseGuards(VerifyThrottlerGuard)
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Is this PDF one we sealed, unaltered? Which agreement version and signers?',
  })
  @ApiOkResponse({ type: VerificationDto, description: 'The verdict; `valid: false` with `problems` for a PDF we did not seal or that was altered' })
  @ApiRateLimited()
  @ApiProblems({ 400: 'No PDF in the body', 413: 'The PDF is larger than the verification limit', 415: 'The body is not sent as application/pdf' })
  verify(@Req() req: FastifyRequest) {
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new ValidationError(
        [
          {
            field: 'body',
            message: 'must be the PDF itself, sent as Content-Type: application/pdf',
          },
        ],
        400,
      );
    }
    return this.documents.verify(body);
  }
}
