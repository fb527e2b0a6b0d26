import { ApiPage, CurrentPrincipal, mapPage, Page, Principal, Roles } from '@app/common';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, ListApiKeysQueryDto } from './dto/api-key.dto';
import { toApiKeyDto } from './identity.mappers';

@ApiTags('api-keys')
@Roles('admin', 'coordinator')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an integration key for one university; the key is shown only here' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { apiKey, key } = await this.apiKeys.create(principal, dto);
    return { ...toApiKeyDto(apiKey), key };
  }

  @Get()
  @ApiOperation({ summary: 'Integration keys of the caller\'s universities (never the secrets)' })
  @ApiPage(ApiKeyDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListApiKeysQueryDto): Promise<Page<ApiKeyDto>> {
    return mapPage(await this.apiKeys.list(principal, query), toApiKeyDto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key (it stops working at once)' })
  @ApiOkResponse({ type: ApiKeyDto })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyDto> {
    return toApiKeyDto(await this.apiKeys.revoke(principal, id));
  }
}
