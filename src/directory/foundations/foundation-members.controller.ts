import { ApiPage, ApiProblems, CurrentPrincipal, mapPage, Page, Principal } from '@app/common';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SHARED_RECORD_EDITORS } from '../shared-records';
import {
  AddFoundationMembersDto,
  FoundationMemberDto,
  FoundationMembersAddedDto,
  ListFoundationMembersQueryDto,
  toFoundationMemberDto,
} from './foundation.dto';
import { FoundationMembersService } from './foundation-members.service';

@ApiTags('foundations')
@Controller('foundations/:foundationId/members')
export class FoundationMembersController {
  constructor(private readonly members: FoundationMembersService) {}

  @Post()
  @ApiOperation({
    summary: 'Add member (host) companies; companies that already are members stay as they are',
    description: SHARED_RECORD_EDITORS,
  })
  @ApiCreatedResponse({ type: FoundationMembersAddedDto })
  @ApiProblems({ 403: 'You may read but not edit this shared record' })
  async add(
    @CurrentPrincipal() p: Principal,
    @Param('foundationId', ParseUUIDPipe) foundationId: string,
    @Body() dto: AddFoundationMembersDto,
  ): Promise<FoundationMembersAddedDto> {
    const { added, members } = await this.members.add(p, foundationId, dto);
    return { added, data: members.map(toFoundationMemberDto) };
  }

  @Get()
  @ApiOperation({ summary: 'Member companies with the date they joined' })
  @ApiPage(FoundationMemberDto)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('foundationId', ParseUUIDPipe) foundationId: string,
    @Query() query: ListFoundationMembersQueryDto,
  ): Promise<Page<FoundationMemberDto>> {
    return mapPage(await this.members.list(p, foundationId, query), toFoundationMemberDto);
  }

  @Delete(':companyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member company', description: SHARED_RECORD_EDITORS })
  @ApiNoContentResponse({ description: 'Removed (or was no member)' })
  @ApiProblems({ 403: 'You may read but not edit this shared record' })
  async remove(
    @CurrentPrincipal() p: Principal,
    @Param('foundationId', ParseUUIDPipe) foundationId: string,
    @Param('companyId', ParseUUIDPipe) companyId: string,
  ): Promise<void> {
    await this.members.remove(p, foundationId, companyId);
  }
}
