import { INDUSTRY_SECTIONS } from './industries';
import type { Enterprise } from './enterprise.types';
import type { EnterpriseStatus } from './enterprise.types';

const INDUSTRY_NAMES = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s.name]));

/** The columns the API reads, as plain rows (no entity hydration on the read path). */
export const ENTERPRISE_COLUMNS =
  'uscc, name, industry_code, district_code, established_on, status, registered_capital, address, lr_name, lr_id_number, lr_phone';

export interface EnterpriseRow {
  uscc: string;
  name: string;
  industry_code: string;
  district_code: string;
  established_on: string;
  status: string;
  registered_capital: string | null;
  address: string | null;
  lr_name: string;
  lr_id_number: string | null;
  lr_phone: string | null;
}

/**
 * Explicit mapping from the persistence row to the API type, so a new column never reaches the
 * API by accident (CONVENTIONS.md "Sensitive aggregates").
 */
export function toEnterprise(r: EnterpriseRow): Enterprise {
  return {
    subjectUscc: r.uscc,
    uscc: r.uscc,
    name: r.name,
    industryCode: r.industry_code,
    industryName: INDUSTRY_NAMES.get(r.industry_code) ?? r.industry_code,
    districtCode: r.district_code,
    establishedOn: r.established_on,
    status: r.status as EnterpriseStatus,
    registeredCapital: r.registered_capital,
    address: r.address,
    legalRepresentative: {
      subjectUscc: r.uscc,
      name: r.lr_name,
      idNumber: r.lr_id_number,
      phone: r.lr_phone,
    },
  };
}
