import { campaignEndpoints } from './campaign.ts';
import { campaignPackEndpoints } from './pack.ts';
import { commitmentEndpoints } from './commitment.api.ts';

export * from './enums.ts';

/** Every endpoint of the emulation module (DOMAIN.md capability 4; issue 15). Each part adds its group in its block. */
export const emulationEndpoints = {
  // --- emu-core ---
  ...campaignEndpoints,
  ...campaignPackEndpoints,
  // --- emu-models ---
  // --- emu-review ---
  // --- emu-commit ---
  ...commitmentEndpoints,
  // --- emu-figures ---
};
