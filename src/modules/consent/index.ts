export { ConsentResolver } from './consent.resolver';
export { ConsentEntity } from './consent.entity';
