// Placeholder until this area adds its overlay to the main map.
export function register(_context) {}
