import { describe } from 'vitest';
import { heartRateGateOverPanels } from './heart-rate-panels';

describe('the heart-rate-only gate over all the validation panels', { timeout: 600_000 }, () => {
  heartRateGateOverPanels('resonator');
});
