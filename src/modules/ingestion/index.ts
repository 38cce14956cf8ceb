export { IngestionFactEntity } from './ingestion.entity';
export { IngestionResult, IngestionRowStatus } from './ingestion.types';
export { MAX_BATCH_ROWS } from './ingestion.engine';
