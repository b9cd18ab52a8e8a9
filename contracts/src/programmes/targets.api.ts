/** Target statuses per unit and period, drill-down to the units that pull a figure down (helper: targets). */
export const targetEndpoints = {};
