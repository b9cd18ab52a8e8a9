import { campaignEndpoints } from './campaign.ts';
import { campaignPackEndpoints } from './pack.ts';
// --- emu-models ---
import { modelEndpoints } from './model.api.ts';
// --- emu-review ---
import { reviewEndpoints } from './review.api.ts';
// --- emu-public ---
import { publicEmulationEndpoints } from './public.ts';
import { commitmentEndpoints } from './commitment.api.ts';

export * from './enums.ts';

/** Every endpoint of the emulation module (DOMAIN.md capability 4; issue 15). Each part adds its group in its block. */
export const emulationEndpoints = {
  // --- emu-core ---
  ...campaignEndpoints,
  ...campaignPackEndpoints,
  // --- emu-models ---
  ...modelEndpoints,
  // --- emu-review ---
  ...reviewEndpoints,
  // --- emu-commit ---
  ...commitmentEndpoints,
  // --- emu-figures ---
  // --- emu-public ---
  ...publicEmulationEndpoints,
};
