export { SnakeNamingStrategy } from 'typeorm-naming-strategies';
