import { ApiPage, CurrentPrincipal, mapPage, Page, Principal, Roles } from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, ListUsersQueryDto, UserDto } from './dto/user.dto';
import { toUserDto } from './identity.mappers';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin', 'coordinator', 'company_rep', 'foundation_staff')
  @ApiOperation({
    summary: 'Create a user with a role and scope; nobody grants access they do not hold',
    description: [
      'Who may create whom:',
      '- **admin**: anyone.',
      '- **coordinator**: coordinators and students of their own university; company reps and foundation staff',
      '  *limited to their own university* (`universityId` is set to it when omitted). A limited account sees and signs',
      "  only that university's matters with its organisation (students, matches, employments, secondments,",
      '  agreements and their documents) and reads, but does not edit, the shared directory records.',
      '- **company_rep** / **foundation_staff**: colleagues of their own company / foundation with at most their own reach',
      '  (a company-wide rep is therefore created by an admin or by a company-wide rep of that company).',
      '- students and integrations: nobody.',
      'Answers 403 for a grant the caller may not make, 422 for a scope id that does not fit the role or does not exist.',
    ].join('\n'),
  })
  @ApiResponse({ status: 201, type: UserDto })
  @ApiResponse({ status: 403, description: 'The caller may not grant this role or scope' })
  @ApiResponse({ status: 409, description: 'The email address is taken' })
  @ApiResponse({
    status: 422,
    description: 'Scope ids missing, not applying to the role, or unknown',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateUserDto,
  ): Promise<UserDto> {
    return toUserDto(await this.users.create(principal, dto));
  }

  @Get()
  @ApiOperation({ summary: 'Users the caller may see; filter by role or university' })
  @ApiPage(UserDto)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListUsersQueryDto,
  ): Promise<Page<UserDto>> {
    return mapPage(await this.users.list(principal, query), toUserDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A user' })
  @ApiOkResponse({ type: UserDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<UserDto> {
    return toUserDto(await this.users.get(principal, id));
  }
}
