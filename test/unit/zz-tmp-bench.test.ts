import { makeEnterpriseRow } from '@/modules/enterprise/enterprise.factory';
import { createRng } from '@/shared/random';
it('bench', () => {
  const rng = createRng(1);
  const t0 = Date.now();
  let c = 0;
  for (let i = 0; i < 1_000_000; i++) c += makeEnterpriseRow(rng, i).name.length;
  console.log('ms', Date.now() - t0, c);
});
