import { CurrentPrincipal, mapPage, Page, Principal, Roles } from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, ListUsersQueryDto, UserDto } from './dto/user.dto';
import { toUserDto } from './identity.mappers';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Create a user with a role and scope (coordinators: for their own university)' })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.create(principal, dto));
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    return mapPage(await this.users.list(principal, query), toUserDto);
  }

  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return toUserDto(await this.users.get(principal, id));
  }
}
