import { maskIdNumber, maskPhone } from '@/shared/id-card';
import type { MaskName } from './rules';

export const MASKS: Readonly<Record<MaskName, (value: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
};

export function applyMask(name: MaskName, value: unknown): unknown {
  return typeof value === 'string' ? MASKS[name](value) : value;
}
