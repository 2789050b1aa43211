/**
 * The routes of features other parts of sanctrace serve (trade hubs, network, flags, reports):
 * one place to follow their shapes. A view whose route the server lacks says so.
 */
export const ROUTES = {
  hubs: '/trade/hubs',
  flows: '/trade/flows',
  neighbourhood: (id: string) => `/network/entities/${encodeURIComponent(id)}/neighbours`,
  trace: '/network/trace',
  flags: '/flags',
  entityFlags: (id: string) => `/flags/${encodeURIComponent(id)}`,
  report: (id: string) => `/report/${encodeURIComponent(id)}`,
};
